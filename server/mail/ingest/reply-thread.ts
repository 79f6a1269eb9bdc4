import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, threads, ticketHistory, tickets } from '../../db/schema';
import type { TicketRow } from '../../tickets/ticket-rows';
import type { IncomingMail } from './incoming-mail';

/**
 * A customer's e-mail answering a ticket: an incoming e-mail thread on it. A closed ticket reopens
 * when its department says so (departments.reopenOnReply), since the customer is waiting again.
 * The history entry is the help center's `customer_replied`, so both channels read alike.
 */
export async function addReplyThread(tx: Db, ticket: TicketRow, mail: IncomingMail, bodyText: string): Promise<number> {
  // Locked and read again: an agent may be closing or reopening it right now.
  const [current] = await tx.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket.id)).for('update');
  const [department] = await tx.select({ reopenOnReply: departments.reopenOnReply }).from(departments).where(eq(departments.id, ticket.departmentId));
  const [thread] = await tx
    .insert(threads)
    .values({
      ticketId: ticket.id,
      direction: 'in',
      channel: 'email',
      from: mail.from!.address,
      to: mail.to,
      cc: mail.cc,
      subject: mail.subject,
      bodyText,
      // Stored as sent; the extension renders text, never this HTML through innerHTML (DESIGN.md, Trusted Types).
      bodyHtml: mail.html,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      ...(mail.date ? { createdAt: mail.date } : {}),
    })
    .returning({ id: threads.id });
  const reopen = current!.status === 'closed' && department!.reopenOnReply;
  await tx
    .update(tickets)
    .set({ version: sql`${tickets.version} + 1`, updatedAt: sql`now()`, lastThreadChannel: 'email', ...(reopen ? { status: 'open' } : {}) })
    .where(eq(tickets.id, ticket.id));
  await tx.insert(ticketHistory).values({
    ticketId: ticket.id,
    agentId: null,
    action: 'customer_replied',
    changes: { threadId: thread!.id, channel: 'email', ...(reopen ? { status: { from: 'closed', to: 'open' } } : {}) },
  });
  return thread!.id;
}
