// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gmailInboxPage, gmailThreadPage } from '../../../server/demo/gmail-page';
import { createGmailAdapter } from '../../../webmail/gmail/adapter';

function load(markup: string) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(markup, 'text/html').documentElement.innerHTML;
  document.title = /<title>(.*?)<\/title>/.exec(markup)![1]!.replace(/&amp;/g, '&');
}

const alice = { name: 'Alice Customer', email: 'alice@customer.test' };
const support = { name: 'Demo Support', email: 'support@demo.example' };

/** The demo mailbox must read exactly like Gmail to the Gmail adapter, or `npm start` shows nothing. */
describe('demo Gmail pages read like Gmail', () => {
  it('inbox rows, mailbox and mount points', () => {
    load(
      gmailInboxPage(
        'support@demo.example',
        [
          { threadId: '19a0c0ffee000001', subject: 'Cannot <b>download</b>', snippet: 'x', from: alice, date: new Date('2026-11-23T08:15:00Z') },
          { threadId: '18c2f0a1b2c3d4e5', subject: '配送先の変更', snippet: 'y', from: support, date: new Date('2026-11-22T08:15:00Z') },
        ],
        'n',
      ),
    );
    const adapter = createGmailAdapter(document);
    expect(adapter.recognised()).toBe(true);
    expect(adapter.mailbox()).toBe('support@demo.example');
    expect(adapter.rows().map((r) => [r.threadId, r.subject, r.sender.email])).toEqual([
      ['19a0c0ffee000001', 'Cannot <b>download</b>', 'alice@customer.test'],
      ['18c2f0a1b2c3d4e5', '配送先の変更', 'support@demo.example'],
    ]);
    expect(adapter.mountPoints().toolbar).not.toBeNull();
    expect(adapter.selectedThreadIds()).toEqual([]);
  });

  it('an open conversation with from, to and cc', () => {
    load(
      gmailThreadPage(
        'support@demo.example',
        '19a0c0ffee000001',
        'Cannot download',
        [{ messageId: '19a0c0ffee000001', from: alice, to: [support], cc: [{ name: 'Finance', email: 'finance@x.example' }], date: new Date(), body: 'Hello' }],
        'n',
      ),
    );
    const thread = createGmailAdapter(document).openThread();
    expect(thread).toMatchObject({ threadId: '19a0c0ffee000001', subject: 'Cannot download' });
    expect(thread!.messages).toHaveLength(1);
    expect(thread!.messages[0]).toMatchObject({
      messageId: '19a0c0ffee000001',
      from: { email: 'alice@customer.test' },
      to: [{ email: 'support@demo.example' }],
      cc: [{ email: 'finance@x.example' }],
    });
  });
});
