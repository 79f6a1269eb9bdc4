import { describe, expect, it } from 'vitest';
import { matchSentMessages } from '../../content/receipt-match';
import type { MessageReceipt } from '../../core/schemas/receipt';

const receipt = (threadId: number, sentAt: string, from = 'Acme Support <support@acme.test>'): MessageReceipt => ({
  threadId,
  messageId: `<${threadId}@acme.test>`,
  from,
  subject: 'Re: help',
  sentAt,
  mark: 'delivered',
  recipients: [],
});
/** The instant as Gmail's title shows it, in this machine's time zone: "Tue, Nov 3, 2026, 10:30 AM". */
const shown = (iso: string) => new Date(iso).toLocaleString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
const ids = (matches: (MessageReceipt | null)[]) => matches.map((m) => m?.threadId ?? null);

describe('which page message is which sent message', () => {
  it('pairs by sender address and the nearest time, leaving customer messages and far-off ones alone', () => {
    const page = [
      { fromEmail: 'alice@customer.test', date: shown('2026-11-03T10:00:00Z') },
      { fromEmail: 'SUPPORT@acme.test', date: shown('2026-11-03T10:30:00Z') },
      { fromEmail: 'alice@customer.test', date: shown('2026-11-03T11:00:00Z') },
      { fromEmail: 'support@acme.test', date: shown('2026-11-03T11:31:00Z') },
      { fromEmail: 'support@acme.test', date: shown('2026-11-04T09:00:00Z') },
    ];
    const sent = [receipt(2, '2026-11-03T11:30:00Z'), receipt(1, '2026-11-03T10:30:20Z')];
    expect(ids(matchSentMessages(page, sent))).toEqual([null, 1, null, 2, null]);
  });

  it('a message sent from the same address by hand, far from any sent time, gets no mark', () => {
    const page = [{ fromEmail: 'support@acme.test', date: shown('2026-11-03T15:00:00Z') }];
    expect(ids(matchSentMessages(page, [receipt(1, '2026-11-03T10:00:00Z')]))).toEqual([null]);
  });

  it('pairs in order when the page date cannot be read (a locale Date does not parse)', () => {
    const page = [
      { fromEmail: 'support@acme.test', date: '2026年11月3日 10:30' },
      { fromEmail: 'alice@customer.test', date: null },
      { fromEmail: 'support@acme.test', date: null },
    ];
    const sent = [receipt(8, '2026-11-03T12:00:00Z'), receipt(7, '2026-11-03T10:30:00Z')];
    expect(ids(matchSentMessages(page, sent))).toEqual([7, null, 8]);
  });

  it('never gives one page message two receipts', () => {
    const page = [{ fromEmail: 'support@acme.test', date: shown('2026-11-03T10:30:00Z') }];
    const sent = [receipt(1, '2026-11-03T10:29:00Z'), receipt(2, '2026-11-03T10:31:00Z')];
    expect(ids(matchSentMessages(page, sent)).filter((x) => x !== null)).toHaveLength(1);
  });
});
