import { and, eq, gt, min, sql, type SQL } from 'drizzle-orm';
import { CUSTOMER_CC_WINDOW_HOURS, type AddedInWindow, type CustomerCcCounts } from '../../core/rules/customer-cc-limits';
import type { Db } from '../db/client';
import { ticketHistory } from '../db/schema';

/** The history entry setSecondaryContacts writes for a customer's addition names them in `byContactId` and lists `added`. */
const byCustomer = sql`${ticketHistory.changes}->>'byContactId'`;

async function addedWhere(tx: Db, where: SQL): Promise<AddedInWindow> {
  const [row] = await tx
    .select({
      count: sql<number>`coalesce(sum(jsonb_array_length(coalesce(${ticketHistory.changes}->'added', '[]'::jsonb))), 0)`.mapWith(Number),
      oldest: min(ticketHistory.createdAt),
    })
    .from(ticketHistory)
    .where(and(eq(ticketHistory.action, 'secondary_contacts'), gt(ticketHistory.createdAt, sql`now() - ${sql.raw(`interval '${CUSTOMER_CC_WINDOW_HOURS} hours'`)}`), where));
  return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
}

/** What customers added to the ticket, and what this customer added anywhere, within the window (R-CC-6 limits). */
export async function customerCcCounts(tx: Db, ticket: { id: number; number: number }, contactId: number): Promise<CustomerCcCounts> {
  return {
    ticketNumber: ticket.number,
    onTicket: await addedWhere(tx, and(eq(ticketHistory.ticketId, ticket.id), sql`${byCustomer} is not null`)!),
    byCustomer: await addedWhere(tx, sql`${byCustomer} = ${String(contactId)}`),
  };
}
