import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';
import { addCustomerMessage } from '../../tickets/customer-message';
import type { IncomingMail } from './incoming-mail';
import type { TicketRow } from '../../db/rows';

/**
 * A customer's e-mail answering a ticket: an incoming e-mail thread on it. A closed ticket reopens
 * when its department says so (departments.reopenOnReply).
 */
export async function addReplyThread(tx: Db, ticket: TicketRow, mail: IncomingMail, bodyText: string): Promise<number> {
  const [department] = await tx.select({ reopenOnReply: departments.reopenOnReply }).from(departments).where(eq(departments.id, ticket.departmentId));
  return addCustomerMessage(
    tx,
    ticket.id,
    {
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
    },
    { reopenClosed: department!.reopenOnReply },
  );
}
