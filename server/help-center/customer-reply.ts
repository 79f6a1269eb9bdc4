import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { threads, ticketHistory, tickets } from '../db/schema';
import type { TicketRow } from '../tickets/ticket-rows';
import type { DepartmentRow } from './page-context';

export const ReplyForm = z.object({ body: z.string().trim().min(1).max(50_000) });

const subjectOf = (subject: string) => (/^re:/i.test(subject) ? subject : `Re: ${subject}`);

/**
 * A customer's message from the help center: an incoming web thread. A reply on a closed ticket
 * reopens it, since the customer is still waiting for something.
 */
export async function customerReply(db: Db, input: { ticket: TicketRow; department: DepartmentRow; from: string; body: string }): Promise<void> {
  const { ticket } = input;
  await db.transaction(async (t) => {
    const tx = t as Db;
    // Locked and read again: an agent may have closed or reopened it since the page was shown.
    const [current] = await tx.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket.id)).for('update');
    const [thread] = await tx
      .insert(threads)
      .values({ ticketId: ticket.id, direction: 'in', channel: 'web', from: input.from, to: input.department.supportAddresses.slice(0, 1), subject: subjectOf(ticket.subject), bodyText: input.body })
      .returning({ id: threads.id });
    const reopen = current!.status === 'closed';
    // The visitor holds no version to compare: a reply only adds, so it never conflicts with an agent's edit.
    await tx
      .update(tickets)
      .set({ version: sql`${tickets.version} + 1`, updatedAt: sql`now()`, lastThreadChannel: 'web', ...(reopen ? { status: 'open' } : {}) })
      .where(eq(tickets.id, ticket.id));
    await tx.insert(ticketHistory).values({
      ticketId: ticket.id,
      agentId: null,
      action: 'customer_replied',
      changes: { threadId: thread!.id, ...(reopen ? { status: { from: 'closed', to: 'open' } } : {}) },
    });
  });
}
