import { z } from 'zod';
import type { Db } from '../db/client';
import { addCustomerMessage } from '../tickets/customer-message';
import type { DepartmentRow, TicketRow } from '../db/rows';

export const ReplyForm = z.object({ body: z.string().trim().min(1).max(50_000) });

const subjectOf = (subject: string) => (/^re:/i.test(subject) ? subject : `Re: ${subject}`);

/**
 * A customer's message from the help center: an incoming web thread. A reply on a closed ticket
 * reopens it, since the customer is still waiting for something.
 */
export async function customerReply(db: Db, input: { ticket: TicketRow; department: DepartmentRow; from: string; body: string }): Promise<void> {
  const { ticket } = input;
  await db.transaction(async (tx) =>
    addCustomerMessage(
      tx as Db,
      ticket.id,
      { channel: 'web', from: input.from, to: input.department.supportAddresses.slice(0, 1), subject: subjectOf(ticket.subject), bodyText: input.body },
      { reopenClosed: true },
    ),
  );
}
