import { eq } from 'drizzle-orm';
import { isAutoReply } from '../../../core/mail/auto-reply';
import { addressKey } from '../../../core/rules/address';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';
import { applyDsn, DsnError } from '../dsn';
import { planAttachments, storeAttachments, textWithRefusals } from './attachment-store';
import { linkGmailConversation, type GmailConversation } from './gmail-link';
import type { IncomingMail } from './incoming-mail';
import { createTicketFromMail, departmentFor } from './new-ticket';
import { replyTarget, threadWithMessageId } from './reply-target';
import { addReplyThread } from './reply-thread';
import { autoSecondaryContactsOnReply } from '../../tickets/auto-cc';
import type { DepartmentRow, MailboxRow, TicketRow } from '../../db/rows';

/** What became of one message; stored in ingested_messages. */
export interface Routed {
  outcome: 'ticket' | 'thread' | 'bounce' | 'auto_reply' | 'spam' | 'refused';
  ticketId?: number;
  threadId?: number;
  note?: string;
}

/**
 * A bounce (RFC 3464) marks the recipient its token names, only when the report is about that
 * recipient's address: anyone can mail the support address a forged bounce, so one whose address
 * does not match is ignored: kept as refused with why, never a ticket, like one we cannot match at all.
 */
async function routeBounce(tx: Db, mail: IncomingMail): Promise<Routed> {
  try {
    const { recipient, bounced } = await applyDsn(tx, mail.source.toString('utf8'));
    return { outcome: 'bounce', note: `${recipient.address}: ${bounced ? 'bounced' : `${recipient.status} (a delay or relay notice; nothing changed)`}` };
  } catch (error) {
    if (!(error instanceof DsnError)) throw error;
    if (error.reason === 'other_address') return { outcome: 'refused', note: `Ignored: bounce does not match. ${error.message} Nothing was marked bounced.` };
    return { outcome: 'refused', note: `Delivery report not matched: ${error.message}` };
  }
}

/** Mail from our own addresses would answer itself: an autoresponder's copy, a notice bounced back as a new message. */
function ownAddress(all: DepartmentRow[], mailbox: MailboxRow, from: string): boolean {
  const ours = new Set([mailbox.username, ...all.flatMap((d) => [...d.supportAddresses, ...d.fromAddresses])].map(addressKey));
  return ours.has(addressKey(from));
}

async function routeReply(tx: Db, ticket: TicketRow, mail: IncomingMail, gmail: GmailConversation | null): Promise<Routed> {
  const [department] = await tx.select().from(departments).where(eq(departments.id, ticket.departmentId));
  const plan = planAttachments(mail, department!.maxAttachmentBytes);
  const threadId = await addReplyThread(tx, ticket, mail, textWithRefusals(mail.text, plan));
  await autoSecondaryContactsOnReply(tx, ticket.id, { threadId, from: mail.from!.address, recipients: [...mail.to, ...mail.cc] });
  await storeAttachments(tx, threadId, plan);
  if (gmail) await linkGmailConversation(tx, ticket.id, gmail);
  return { outcome: 'thread', ticketId: ticket.id, threadId, ...(plan.refusals.length ? { note: plan.refusals.join(' ') } : {}) };
}

async function routeNewTicket(tx: Db, department: DepartmentRow, mail: IncomingMail, gmail: GmailConversation | null): Promise<Routed> {
  const plan = planAttachments(mail, department.maxAttachmentBytes);
  const { ticket, firstThreadId } = await createTicketFromMail(tx, department, mail, textWithRefusals(mail.text, plan));
  await storeAttachments(tx, firstThreadId!, plan);
  if (gmail) await linkGmailConversation(tx, ticket.id, gmail);
  return {
    // R-BULK-12: insertTicket made it spam because its sender is marked spam.
    outcome: ticket.spam ? 'spam' : 'ticket',
    ticketId: ticket.id,
    threadId: firstThreadId!,
    ...(plan.refusals.length ? { note: plan.refusals.join(' ') } : {}),
  };
}

/**
 * Decides what an incoming message is and applies it, in the caller's transaction: a bounce, an
 * auto-reply (ignored, never answered), a reply on an existing ticket, or a new ticket.
 */
export async function routeMail(tx: Db, mailbox: MailboxRow, mail: IncomingMail, gmail: GmailConversation | null): Promise<Routed> {
  if (mail.deliveryReport) return routeBounce(tx, mail);
  if (isAutoReply(mail.headers, mail.subject)) return { outcome: 'auto_reply' };
  if (!mail.from) return { outcome: 'refused', note: 'The message names no sender address.' };
  const all = await tx.select().from(departments);
  if (ownAddress(all, mailbox, mail.from.address)) return { outcome: 'refused', note: `Sent from our own address ${mail.from.address}; ignored so our mail cannot loop.` };
  const known = await threadWithMessageId(tx, mail.messageId);
  if (known) return { outcome: 'thread', ...known, note: 'Already on the ticket (same Message-ID); nothing added.' };
  const ticket = await replyTarget(tx, mail, mailbox.departmentId, gmail);
  if (ticket) return routeReply(tx, ticket, mail, gmail);
  const department = departmentFor(all, mail, mailbox.departmentId);
  if (!department) return { outcome: 'refused', note: `The mailbox's department ${mailbox.departmentId} no longer exists.` };
  return routeNewTicket(tx, department, mail, gmail);
}
