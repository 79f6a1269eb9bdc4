import type { TicketCreate } from '../../../core/schemas/api';
import type { WebmailProvider } from '../../../core/schemas/ticket';
import type { OpenConversation } from '../../../stores/page';
import type { Person } from '../../../webmail/adapter';

const addresses = (people: Person[]) => people.map((p) => p.email).filter((e): e is string => !!e);

/**
 * True while the page does not show the first message's recipients (Gmail draws a collapsed or
 * hidden message without them): a ticket made now would record "no recipients" that the mail has.
 */
export function recipientsUnknown(conversation: OpenConversation | null): boolean {
  const first = conversation?.firstMessage;
  return !!first && (first.to === null || first.cc === null);
}

/**
 * A ticket for the open conversation: the first message's sender is the contact, and its To/CC
 * recipients are recorded on the first thread (channel email). Null while the page shows no
 * sender address (a ticket must never be filed under a guessed customer) or not the recipients.
 */
export function ticketDraftFrom(conversation: OpenConversation, target: { provider: WebmailProvider; mailbox: string; departmentId: number }): TicketCreate | null {
  const first = conversation.firstMessage;
  if (!first?.from.email || first.to === null || first.cc === null) return null;
  return {
    departmentId: target.departmentId,
    channel: 'email',
    subject: conversation.subject.trim() || '(no subject)',
    contact: { email: first.from.email, ...(first.from.name ? { name: first.from.name } : {}) },
    webmailThread: { provider: target.provider, mailbox: target.mailbox, threadId: conversation.threadId },
    firstThread: {
      from: first.from.name ? `${first.from.name} <${first.from.email}>` : first.from.email,
      to: addresses(first.to),
      cc: addresses(first.cc),
      bodyText: '',
      ...(first.messageId ? { messageId: first.messageId } : {}),
    },
  };
}
