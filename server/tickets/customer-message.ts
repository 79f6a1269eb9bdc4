import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { threads, ticketHistory, tickets } from '../db/schema';

export type CustomerThread = Omit<typeof threads.$inferInsert, 'id' | 'ticketId' | 'direction'>;

/**
 * A customer's message on a ticket, whichever way it came (e-mail, help center): an incoming thread,
 * a new version, and a `customer_replied` history entry. A closed ticket reopens when `reopenClosed`,
 * since the customer is waiting again; the ticket is locked and read again first, as an agent may be
 * closing or reopening it right now. A visitor or a mailbox holds no version to compare: a message
 * only adds, so it never conflicts with an agent's edit.
 */
export async function addCustomerMessage(tx: Db, ticketId: number, thread: CustomerThread, options: { reopenClosed: boolean }): Promise<number> {
  const [current] = await tx.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId)).for('update');
  const [inserted] = await tx
    .insert(threads)
    .values({ ...thread, ticketId, direction: 'in' })
    .returning({ id: threads.id });
  const reopen = current!.status === 'closed' && options.reopenClosed;
  await tx
    .update(tickets)
    .set({ version: sql`${tickets.version} + 1`, updatedAt: sql`now()`, lastThreadChannel: thread.channel, ...(reopen ? { status: 'open' } : {}) })
    .where(eq(tickets.id, ticketId));
  await tx.insert(ticketHistory).values({
    ticketId,
    agentId: null,
    action: 'customer_replied',
    changes: { threadId: inserted!.id, channel: thread.channel, ...(reopen ? { status: { from: 'closed', to: 'open' } } : {}) },
  });
  return inserted!.id;
}
