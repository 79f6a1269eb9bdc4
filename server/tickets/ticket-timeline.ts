import { asc, eq } from 'drizzle-orm';
import type { HistoryEntry, Timeline } from '../../core/schemas/api';
import { toThreads } from '../attachments/thread-attachments';
import type { Db } from '../db/client';
import type { TicketRow } from '../db/rows';
import { comments, threads, ticketHistory } from '../db/schema';
import { toComment } from './comment-rows';

/** A ticket's threads (each with its attachments, without content) and comments, oldest first. */
export async function ticketTimeline(db: Db, ticket: TicketRow): Promise<Timeline> {
  const [threadRows, commentRows] = await Promise.all([
    db.select().from(threads).where(eq(threads.ticketId, ticket.id)).orderBy(asc(threads.createdAt), asc(threads.id)),
    db.select().from(comments).where(eq(comments.ticketId, ticket.id)).orderBy(asc(comments.createdAt), asc(comments.id)),
  ]);
  return {
    threads: await toThreads(db, threadRows),
    comments: commentRows.map(toComment),
  };
}

/** Who changed what on a ticket, and through which job, oldest first. */
export async function ticketHistoryOf(db: Db, ticket: TicketRow): Promise<HistoryEntry[]> {
  const rows = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, ticket.id)).orderBy(asc(ticketHistory.createdAt), asc(ticketHistory.id));
  return rows.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() }));
}
