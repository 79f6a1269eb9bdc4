import { randomBytes } from 'node:crypto';
import type { Db } from '../../../server/db/client';
import * as t from '../../../server/db/schema';

export interface DsnSpec {
  /** The per-recipient token the bounce carries. */
  token: string;
  /** Final-Recipient of the report's block. */
  finalRecipient: string;
  originalRecipient?: string;
  action?: string;
  /** Where the token is: the returned X-Inbox-Desk-Token header, or the VERP address the bounce was sent to. */
  via?: 'header' | 'verp';
}

/** A bounce as a mail server writes it (RFC 3464 multipart/report), as a whole message. */
export function dsnMessage({ token, finalRecipient, originalRecipient, action = 'failed', via = 'header' }: DsnSpec): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>',
    `To: ${via === 'verp' ? `noreply+${token}@acme.test` : 'support@acme.test'}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <${randomBytes(6).toString('hex')}@mx.customer.test>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.customer.test',
    '',
    ...(originalRecipient ? [`Original-Recipient: rfc822; ${originalRecipient}`] : []),
    `Final-Recipient: rfc822; ${finalRecipient}`,
    `Action: ${action}`,
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 no such user',
    '',
    '--b',
    'Content-Type: text/rfc822-headers',
    '',
    ...(via === 'header' ? [`X-Inbox-Desk-Token: ${token}`] : []),
    'Subject: Re: help',
    '',
    '--b--',
    '',
  ].join('\r\n');
}

/** A reply recipient we sent to on an email ticket of the department, with its bounce token. */
export async function sentRecipient(db: Db, departmentId: number, contactId: number, address: string) {
  const [ticket] = await db.insert(t.tickets).values({ departmentId, channel: 'email', contactId, subject: 'Bounce target', lastThreadChannel: 'email' }).returning();
  const [thread] = await db
    .insert(t.threads)
    .values({ ticketId: ticket!.id, direction: 'out', channel: 'email', from: 'noreply@acme.test', to: [address], subject: 'Re: help', bodyText: 'We are on it.' })
    .returning();
  const token = randomBytes(16).toString('base64url');
  const [recipient] = await db.insert(t.replyRecipients).values({ ticketId: ticket!.id, threadId: thread!.id, address, kind: 'to', token, status: 'sent' }).returning();
  return recipient!;
}
