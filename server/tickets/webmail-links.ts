import { and, eq } from 'drizzle-orm';
import type { WebmailThread } from '../../core/schemas/ticket';
import type { Db } from '../db/client';
import { tickets, ticketWebmailThreads } from '../db/schema';
import { conflict } from '../http/api-failure';

/**
 * One webmail conversation belongs to one ticket: linking it to a second ticket names the first,
 * so two agents clicking "Create ticket" on the same thread do not make duplicates.
 */
export async function linkWebmailThread(db: Db, ticketId: number | null, link: WebmailThread): Promise<void> {
  const [existing] = await db
    .select({ number: tickets.number, id: tickets.id })
    .from(ticketWebmailThreads)
    .innerJoin(tickets, eq(tickets.id, ticketWebmailThreads.ticketId))
    .where(and(eq(ticketWebmailThreads.provider, link.provider), eq(ticketWebmailThreads.mailbox, link.mailbox), eq(ticketWebmailThreads.threadId, link.threadId)));
  if (existing && existing.id === ticketId) return;
  if (existing) {
    throw conflict(`This ${link.provider} conversation already has ticket #${existing.number}; open that ticket instead.`, {
      ticketId: existing.id,
      number: existing.number,
    });
  }
  if (ticketId !== null) await db.insert(ticketWebmailThreads).values({ ticketId, ...link });
}
