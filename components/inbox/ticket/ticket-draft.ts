import type { TicketCreate } from '../../../core/schemas/api';
import type { WebmailProvider } from '../../../core/schemas/ticket';
import type { OpenConversation } from '../../../stores/page';
import type { Person } from '../../../webmail/adapter';

const addresses = (people: Person[] | null) => (people ?? []).map((p) => p.email).filter((e): e is string => !!e);

/**
 * A ticket for the open conversation: the first message's sender is the contact, and its To/CC
 * recipients are recorded on the first thread (channel email). Null while the page shows no
 * sender address: a ticket must never be filed under a guessed customer.
 */
export function ticketDraftFrom(conversation: OpenConversation, target: { provider: WebmailProvider; mailbox: string; departmentId: number }): TicketCreate | null {
  const first = conversation.firstMessage;
  if (!first?.from.email) return null;
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
