import { describe, expect, it } from 'vitest';
import { threadUrl } from '../../webmail/thread-url';

// The Outlook fixture's first conversation (tests/webmail/fixtures/outlook-inbox.html).
const CONVERSATION = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAB1cKq7mUxNPkY0xT3r9O2Q=';

describe('threadUrl: Gmail', () => {
  it('opens the conversation in the signed-in account, in any label', () => {
    expect(threadUrl({ provider: 'gmail', mailbox: 'support@acme.test', threadId: '18be3dcdd8224f79' })).toBe(
      'https://mail.google.com/mail/u/support@acme.test/#all/18be3dcdd8224f79',
    );
  });

  it('keeps an address with a plus sign in one path segment', () => {
    expect(threadUrl({ provider: 'gmail', mailbox: 'help+jp@acme.test', threadId: 'abc' })).toBe('https://mail.google.com/mail/u/help%2Bjp@acme.test/#all/abc');
  });
});

describe('threadUrl: Outlook', () => {
  it('deep-links a work account conversation by its conversation id, encoded', () => {
    expect(threadUrl({ provider: 'outlook', mailbox: 'support@acme.test', threadId: CONVERSATION })).toBe(
      'https://outlook.office.com/mail/deeplink/readconv/AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAB1cKq7mUxNPkY0xT3r9O2Q%3D',
    );
  });

  it('encodes the base64 characters that would break a path', () => {
    const url = threadUrl({ provider: 'outlook', mailbox: 'support@acme.test', threadId: 'AA/b+c=' });
    expect(url.endsWith('/readconv/AA%2Fb%2Bc%3D')).toBe(true);
  });

  it('sends consumer accounts to outlook.live.com', () => {
    for (const mailbox of ['someone@outlook.com', 'someone@hotmail.co.jp', 'someone@live.jp', 'someone@msn.com']) {
      expect(threadUrl({ provider: 'outlook', mailbox, threadId: CONVERSATION })).toMatch(/^https:\/\/outlook\.live\.com\/mail\/0\/deeplink\/readconv\//);
    }
  });

  it('does not take a work domain that merely contains "outlook" for a consumer one', () => {
    for (const mailbox of ['help@outlook-partners.example', 'help@live.acme.com']) {
      expect(threadUrl({ provider: 'outlook', mailbox, threadId: 'x' })).toMatch(/^https:\/\/outlook\.office\.com\//);
    }
  });
});
