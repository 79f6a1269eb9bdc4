import { z } from 'zod';
import { Id, Timestamp } from './common';

/** R-RCPT-3: where one recipient of a tracked message stands. */
export const ReceiptState = z.enum(['sent', 'delivered', 'opened', 'bounced', 'failed']);
export type ReceiptState = z.infer<typeof ReceiptState>;

export const RecipientKind = z.enum(['to', 'cc', 'bcc']);
export type RecipientKind = z.infer<typeof RecipientKind>;

/**
 * R-RCPT-4/5/6: the one mark a message shows for all its recipients, highest first:
 * opened by every recipient, opened by some To, opened by some CC/BCC, delivered to some To/CC,
 * then sent (nothing known yet); bounced or failed only when every recipient bounced or failed.
 */
export const MessageMark = z.enum(['opened', 'opened_some_to', 'opened_some_cc', 'delivered', 'sent', 'bounced', 'failed']);
export type MessageMark = z.infer<typeof MessageMark>;

export const RecipientReceipt = z.object({
  address: z.string(),
  kind: RecipientKind,
  state: ReceiptState,
  deliveredAt: Timestamp.nullable(),
  firstOpenedAt: Timestamp.nullable(),
  lastOpenedAt: Timestamp.nullable(),
  openCount: z.number().int().nonnegative(),
  /** When it bounced or failed. */
  problemAt: Timestamp.nullable(),
  /** The SMTP server's or the bounce's words, for a bounced or failed recipient. */
  detail: z.string().nullable(),
});
export type RecipientReceipt = z.infer<typeof RecipientReceipt>;

/** One message the product sent, with its mark and every recipient (R-RCPT-7). */
export const MessageReceipt = z.object({
  threadId: Id,
  messageId: z.string().nullable(),
  from: z.string(),
  subject: z.string(),
  sentAt: Timestamp,
  mark: MessageMark,
  recipients: z.array(RecipientReceipt),
});
export type MessageReceipt = z.infer<typeof MessageReceipt>;

/** R-RCPT-9: with receipts off for the ticket's department, no message is listed, old ones included. */
export const TicketReceipts = z.object({ enabled: z.boolean(), messages: z.array(MessageReceipt) }).meta({ id: 'TicketReceipts' });
export type TicketReceipts = z.infer<typeof TicketReceipts>;
