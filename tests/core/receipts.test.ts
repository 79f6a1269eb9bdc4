import { describe, expect, it } from 'vitest';
import { messageMark, problemRecipients, recipientState, type MarkInput } from '../../core/receipts';
import type { ReceiptState, RecipientKind } from '../../core/schemas/receipt';

const r = (kind: RecipientKind, state: ReceiptState): MarkInput => ({ kind, state });

describe("R-RCPT-3 a recipient's state from its delivery", () => {
  it.each([
    ['queued', 0, 'sent'],
    ['sending', 0, 'sent'],
    ['uncertain', 0, 'sent'],
    ['stored', 0, 'sent'],
    ['sent', 0, 'delivered'],
    ['sent', 3, 'opened'],
    // An open proves the message arrived even when the hand-over looked uncertain.
    ['uncertain', 1, 'opened'],
    ['bounced', 0, 'bounced'],
    ['bounced', 2, 'bounced'],
    ['failed', 0, 'failed'],
  ] as const)('%s with %i opens is %s', (status, openCount, expected) => {
    expect(recipientState({ status, openCount })).toBe(expected);
  });
});

describe('R-RCPT-4 one recipient: the message shows its state', () => {
  it.each(['sent', 'delivered', 'opened', 'bounced', 'failed'] as const)('%s', (state) => {
    expect(messageMark([r('to', state)])).toBe(state);
  });
});

describe('R-RCPT-5 several recipients: the highest that holds', () => {
  it('opened by all recipients', () => {
    expect(messageMark([r('to', 'opened'), r('cc', 'opened'), r('bcc', 'opened')])).toBe('opened');
  });

  it('opened by some To beats opened by CC', () => {
    expect(messageMark([r('to', 'opened'), r('to', 'delivered'), r('cc', 'opened')])).toBe('opened_some_to');
  });

  it('opened by some CC or BCC when no To opened', () => {
    expect(messageMark([r('to', 'delivered'), r('cc', 'opened')])).toBe('opened_some_cc');
    expect(messageMark([r('to', 'delivered'), r('bcc', 'opened')])).toBe('opened_some_cc');
  });

  it('delivered to some To or CC when nobody opened', () => {
    expect(messageMark([r('to', 'sent'), r('cc', 'delivered')])).toBe('delivered');
    expect(messageMark([r('to', 'delivered'), r('cc', 'sent')])).toBe('delivered');
  });

  it('a delivery to BCC only does not make the message delivered', () => {
    expect(messageMark([r('to', 'sent'), r('bcc', 'delivered')])).toBe('sent');
  });

  it('sent when nothing is known yet', () => {
    expect(messageMark([r('to', 'sent'), r('cc', 'sent')])).toBe('sent');
    expect(messageMark([])).toBe('sent');
  });
});

describe('R-RCPT-6 bounced or failed only when every recipient bounced or failed', () => {
  it('all bounced: bounced', () => {
    expect(messageMark([r('to', 'bounced'), r('cc', 'bounced')])).toBe('bounced');
  });

  it('all failed, or some failed and the rest bounced: failed', () => {
    expect(messageMark([r('to', 'failed'), r('cc', 'failed')])).toBe('failed');
    expect(messageMark([r('to', 'bounced'), r('cc', 'failed')])).toBe('failed');
  });

  it('one bounce among deliveries: the mark speaks of the others, the detail names the bounce', () => {
    const recipients = [r('to', 'bounced'), r('cc', 'opened')];
    expect(messageMark(recipients)).toBe('opened_some_cc');
    expect(problemRecipients(recipients)).toEqual([r('to', 'bounced')]);
    expect(messageMark([r('to', 'failed'), r('cc', 'delivered')])).toBe('delivered');
    expect(messageMark([r('to', 'bounced'), r('cc', 'sent')])).toBe('sent');
  });

  it('opened by all still counts only the recipients that were not refused', () => {
    expect(messageMark([r('to', 'opened'), r('cc', 'bounced')])).toBe('opened_some_to');
  });
});
