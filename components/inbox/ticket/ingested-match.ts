import type { RequestOf, TicketSummary } from '../../../core/schemas/messages';
import type { WebmailProvider } from '../../../core/schemas/ticket';
import type { OpenConversation } from '../../../stores/page';

export type LookupRequest = RequestOf<'tickets.lookup'>;

export type MatchDecision = { kind: 'none' } | { kind: 'link'; ticket: TicketSummary } | { kind: 'choose'; tickets: TicketSummary[] };

/**
 * What to ask the backend about a conversation with no ticket: only on Outlook, whose page shows no
 * Message-ID (Gmail conversations are linked by the mailbox itself, X-GM-THRID). Null without the
 * first message's sender address or a date the browser can read: a guess could link a stranger's mail.
 */
export function lookupRequestFor(provider: WebmailProvider, conversation: OpenConversation): LookupRequest | null {
  const first = conversation.firstMessage;
  if (provider !== 'outlook' || !first?.from.email || !first.date) return null;
  // The page shows the time in the browser's zone, which is the zone Date.parse reads it in.
  const sentAt = Date.parse(first.date);
  if (Number.isNaN(sentAt)) return null;
  return { from: first.from.email, subject: conversation.subject, sentAt: new Date(sentAt).toISOString() };
}

/**
 * One match the agent may edit is certainly this conversation's ticket: link it at once. Several,
 * or one the agent cannot link (no ticket.edit), are offered for the agent to judge.
 */
export function decideMatch(matches: readonly TicketSummary[], canLink: (ticket: TicketSummary) => boolean): MatchDecision {
  const [only] = matches;
  if (!only) return { kind: 'none' };
  if (matches.length === 1 && canLink(only)) return { kind: 'link', ticket: only };
  return { kind: 'choose', tickets: [...matches] };
}
