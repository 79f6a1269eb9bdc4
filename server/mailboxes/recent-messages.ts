import { desc, eq } from 'drizzle-orm';
import type { IngestedMessage, IngestOutcome } from '../../core/schemas/mailbox';
import type { Db } from '../db/client';
import { ingestedMessages, tickets } from '../db/schema';

/** The mailbox's last read messages, newest first, with the number of the ticket each one went to. */
export async function recentMessages(db: Db, mailboxId: number, limit: number): Promise<IngestedMessage[]> {
  const rows = await db
    .select({ message: ingestedMessages, ticketNumber: tickets.number })
    .from(ingestedMessages)
    .leftJoin(tickets, eq(tickets.id, ingestedMessages.ticketId))
    .where(eq(ingestedMessages.mailboxId, mailboxId))
    .orderBy(desc(ingestedMessages.id))
    .limit(limit);
  return rows.map(({ message: m, ticketNumber }) => ({
    id: m.id,
    messageId: m.messageId,
    uid: m.uid,
    outcome: m.outcome as IngestOutcome,
    ticketId: m.ticketId,
    ticketNumber,
    threadId: m.threadId,
    note: m.note,
    createdAt: m.createdAt.toISOString(),
  }));
}
