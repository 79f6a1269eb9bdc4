import { asc, eq, inArray } from 'drizzle-orm';
import type { HistoryEntry, Timeline } from '../../core/schemas/api';
import { toThreads } from '../attachments/thread-attachments';
import type { Db } from '../db/client';
import type { TicketRow } from '../db/rows';
import { comments, threads, ticketHistory } from '../db/schema';
import { toComment } from './comment-rows';
import { withMergedAway } from '../merge/merged-away';

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

/**
 * Who changed what on a ticket, and through which job, oldest first; a primary's history holds that
 * of the tickets merged into it (each entry names its ticketId), as its timeline holds their threads.
 */
export async function ticketHistoryOf(db: Db, ticket: TicketRow): Promise<HistoryEntry[]> {
  const ticketIds = ticket.mergedIntoId === null ? await withMergedAway(db, ticket.id) : [ticket.id];
  const rows = await db.select().from(ticketHistory).where(inArray(ticketHistory.ticketId, ticketIds)).orderBy(asc(ticketHistory.createdAt), asc(ticketHistory.id));
  return rows.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() }));
}
