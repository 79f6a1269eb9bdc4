import { addressKey } from '../../../core/rules/address';
import type { Db } from '../../db/client';
import { insertTicket, type InsertedTicket } from '../../tickets/ticket-create';
import type { IncomingMail } from './incoming-mail';
import type { DepartmentRow } from '../../db/rows';

/**
 * The department a new e-mail belongs to: the one owning an address it was delivered to (its
 * support addresses), the mailbox's own department when several or none do.
 */
export function departmentFor(all: DepartmentRow[], mail: IncomingMail, mailboxDepartmentId: number): DepartmentRow | undefined {
  const delivered = new Set(mail.deliveredTo.map(addressKey));
  const owners = all.filter((d) => d.supportAddresses.some((a) => delivered.has(addressKey(a))));
  return owners.find((d) => d.id === mailboxDepartmentId) ?? owners[0] ?? all.find((d) => d.id === mailboxDepartmentId);
}

/**
 * A new `email` ticket from an incoming message, created by the backend itself through the same
 * path as the API, so R-CC-6 (recipients become secondary contacts) and R-BULK-12 (a spam sender's
 * ticket is spam on arrival) apply exactly as they do there.
 */
export async function createTicketFromMail(tx: Db, department: DepartmentRow, mail: IncomingMail, bodyText: string): Promise<InsertedTicket> {
  const from = mail.from!;
  return insertTicket(
    tx,
    null,
    {
      departmentId: department.id,
      channel: 'email',
      subject: mail.subject || '(no subject)',
      contact: { email: from.address, ...(from.name ? { name: from.name } : {}) },
      firstThread: {
        from: from.address,
        to: mail.to,
        cc: mail.cc,
        subject: mail.subject,
        bodyText,
        ...(mail.html === null ? {} : { bodyHtml: mail.html }),
        messageId: mail.messageId,
        ...(mail.date ? { createdAt: mail.date.toISOString() } : {}),
      },
    },
    { inReplyTo: mail.inReplyTo, references: mail.references },
  );
}
