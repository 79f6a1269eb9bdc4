import { describe, expect, it } from 'vitest';
import { describeCounts } from '../../../../server/mail/ingest/pass-summary';

const none = { ticket: 0, thread: 0, bounce: 0, auto_reply: 0, spam: 0, refused: 0, seen: 0 };

describe('describeCounts: the line `ingest --once` and the server log print per mailbox', () => {
  it('says nothing when nothing arrived', () => {
    expect(describeCounts(none)).toBe('');
  });

  it('counts spam tickets as tickets (R-BULK-12) and groups what was ignored', () => {
    expect(describeCounts({ ticket: 2, thread: 1, bounce: 1, auto_reply: 1, spam: 1, refused: 2, seen: 3 })).toBe(
      '3 new tickets (1 spam), 1 reply, 1 bounce, 3 ignored (1 auto-reply, 2 refused), 3 already ingested',
    );
    expect(describeCounts({ ...none, ticket: 1, thread: 2, auto_reply: 2 })).toBe('1 new ticket, 2 replies, 2 ignored (2 auto-replies)');
  });
});
