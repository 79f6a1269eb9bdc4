import type { MessageMark, ReceiptState, RecipientKind } from './schemas/receipt';

/** What delivery knows of one recipient (reply_recipients.status and its open count). */
export interface DeliveryFacts {
  status: string;
  openCount: number;
}

/**
 * R-RCPT-3: a recipient's state. A bounce or a refusal is final; an open proves delivery; an
 * accepted hand-over is "delivered"; anything before that (queued, being sent, uncertain, kept
 * unsent) is only "sent" as far as a receipt can tell.
 */
export function recipientState(facts: DeliveryFacts): ReceiptState {
  if (facts.status === 'bounced') return 'bounced';
  if (facts.status === 'failed') return 'failed';
  if (facts.openCount > 0) return 'opened';
  if (facts.status === 'sent') return 'delivered';
  return 'sent';
}

export interface MarkInput {
  kind: RecipientKind;
  state: ReceiptState;
}

const isProblem = (r: MarkInput) => r.state === 'bounced' || r.state === 'failed';

/**
 * R-RCPT-4/5/6: the mark of one message from its recipients. One recipient shows its own state
 * (R-RCPT-4). Several show the highest that holds (R-RCPT-5). Bounced or failed shows only when
 * every recipient bounced or failed (R-RCPT-6) — "bounced" when they all bounced, else "failed";
 * otherwise the problems stay in the recipient list and the mark speaks of the others.
 */
export function messageMark(recipients: MarkInput[]): MessageMark {
  if (recipients.length === 0) return 'sent';
  if (recipients.every(isProblem)) return recipients.every((r) => r.state === 'bounced') ? 'bounced' : 'failed';
  const opened = recipients.filter((r) => r.state === 'opened');
  if (opened.length === recipients.length) return 'opened';
  if (opened.some((r) => r.kind === 'to')) return 'opened_some_to';
  if (opened.length > 0) return 'opened_some_cc';
  // An open proves delivery, so "delivered to some To/CC" counts opened ones too (none are here).
  if (recipients.some((r) => r.state === 'delivered' && r.kind !== 'bcc')) return 'delivered';
  return 'sent';
}

/** R-RCPT-6: the recipients the detail names when the mark does not say they bounced or failed. */
export function problemRecipients<T extends MarkInput>(recipients: T[]): T[] {
  return recipients.filter(isProblem);
}
