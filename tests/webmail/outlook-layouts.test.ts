// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { OUTLOOK_MATCHES } from '../../webmail/matches';
import { createOutlookAdapter } from '../../webmail/outlook/adapter';
import { conversationIdInUrl } from '../../webmail/outlook/conversation-url';
import { outlookAccount } from '../../webmail/outlook/mailbox';
import { fixtureHtml, loadFixture } from './page-helpers';

const A = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAC1oUdCl0UdBmQ0r7lQyCmA=';
const B = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAC2x9k3Ff0NGlXo1pE8cRtE=';
const LAYOUTS = ['outlook-cloud.html', 'outlook-office365.html', 'outlook-live.html', 'outlook-popout.html', 'outlook-select-all.html'];

afterEach(() => history.replaceState(null, '', '/'));

// Served to real Chromium by the e2e suite: they must load and run nothing of their own.
describe.each(LAYOUTS)('fixture %s', (name) => {
  const page = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  it('is a whole document that names its source, with no scripts, handlers or external resources', () => {
    expect(fixtureHtml(name)).toMatch(/^<!DOCTYPE html>\n<!--[\s\S]*Sources/);
    expect(page.querySelectorAll('script, link, img, iframe, object, embed, video, audio, source')).toHaveLength(0);
    const attributes = [...page.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((a) => a.name));
    expect(attributes.filter((a) => a.startsWith('on') || a === 'src' || a === 'srcset')).toEqual([]);
  });
});

describe('Outlook hosts (issue 19, item 9)', () => {
  it('runs on every Outlook on the web host, the new outlook.cloud.microsoft included', () => {
    expect(OUTLOOK_MATCHES).toEqual(['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*']);
  });
});

describe('the mailbox address where each host shows it (issue 19, item 10)', () => {
  it('outlook.office365.com: from the folder pane account root when the top bar shows the name only', () => {
    expect(createOutlookAdapter(loadFixture('outlook-office365.html')).mailbox()).toBe('support@acme.test');
  });

  it("outlook.live.com: from the account manager's address line, lower-cased", () => {
    expect(createOutlookAdapter(loadFixture('outlook-live.html')).mailbox()).toBe('sam.shop@outlook.com');
  });

  it('outlook.cloud.microsoft: not on the page, so unknown (never the display name) until the agent sets it for that account', () => {
    const asked: string[] = [];
    const remembered: Record<string, string> = {};
    const adapter = createOutlookAdapter(loadFixture('outlook-cloud.html'), { remembered: (account) => (asked.push(account), remembered[account] ?? null) });
    expect(adapter.recognised()).toBe(true);
    expect(adapter.mailbox()).toBeNull();
    expect(asked).toEqual(['outlook:Acme Support']);
    remembered['outlook:Acme Support'] = 'Support@Acme.test';
    expect(adapter.mailbox()).toBe('support@acme.test');
  });

  it('names the account by the display name from the account button, else from the title', () => {
    loadFixture('outlook-cloud.html');
    expect(outlookAccount(document)).toBe('outlook:Acme Support');
    document.querySelector('#mectrl_main_trigger')?.remove();
    document.title = 'Mail - Other Team - Outlook';
    expect(outlookAccount(document)).toBe('outlook:Other Team');
  });

  it('an address on the page wins over a remembered one', () => {
    const adapter = createOutlookAdapter(loadFixture('outlook-office365.html'), { remembered: () => 'old@acme.test' });
    expect(adapter.mailbox()).toBe('support@acme.test');
  });
});

describe('open is not selected (issue 19, item 11)', () => {
  it("the open conversation is the panel's, but only the checked one counts as selected", () => {
    const adapter = createOutlookAdapter(loadFixture('outlook-office365.html'));
    expect(adapter.openThread()?.threadId).toBe(A);
    expect(adapter.selectedThreadIds()).toEqual([B]);
    expect(adapter.rows().map((r) => r.selected)).toEqual([false, true]);
  });

  it('nothing checked: nothing selected, though a conversation is open', () => {
    const adapter = createOutlookAdapter(loadFixture('outlook-cloud.html'));
    expect(adapter.selectedThreadIds()).toEqual([]);
    expect(adapter.openThread()?.threadId).toBe(A);
  });
});

describe('a virtualised select-all (issue 19, item 12)', () => {
  it("reports Outlook's count beside the rows the page holds", () => {
    const adapter = createOutlookAdapter(loadFixture('outlook-select-all.html'));
    expect(adapter.selectedThreadIds()).toHaveLength(3);
    expect(adapter.selectionBeyondView?.()).toEqual({ reported: 250, visible: 3 });
  });

  it("falls back to the rows' aria-setsize when the reading pane shows no count", () => {
    loadFixture('outlook-select-all.html');
    document.querySelector('[data-app-section="MailReadCompose"] [role="status"]')?.remove();
    expect(createOutlookAdapter(document).selectionBeyondView?.()).toEqual({ reported: 250, visible: 3 });
    document.querySelector('[aria-label="Select all"]')?.setAttribute('aria-checked', 'false');
    expect(createOutlookAdapter(document).selectionBeyondView?.()).toBeNull();
  });

  it('says nothing when the page holds every selected row', () => {
    expect(createOutlookAdapter(loadFixture('outlook-office365.html')).selectionBeyondView?.()).toBeNull();
  });
});

describe('the popped-out reading window and deep links (issue 19, item 13)', () => {
  const plain = () =>
    createOutlookAdapter(document)
      .openThread()
      ?.messages.map(({ from, to, cc, date }) => ({ from, to, cc, date }));

  it('takes the conversation from the address when there is no list at all', () => {
    loadFixture('outlook-popout.html');
    history.replaceState(null, '', `/mail/deeplink/readconv/${encodeURIComponent(A)}?popoutv2=1`);
    const adapter = createOutlookAdapter(document);
    expect(adapter.rows()).toEqual([]);
    expect(adapter.recognised()).toBe(true);
    expect(adapter.openThread()).toMatchObject({ threadId: A, subject: 'Order missing' });
    expect(adapter.mountPoints().toolbar).toBeNull();
    expect(adapter.mountPoints().threadPanel).not.toBeNull();
  });

  it('names no conversation when neither the page nor the address does', () => {
    loadFixture('outlook-popout.html');
    history.replaceState(null, '', '/mail/inbox');
    expect(createOutlookAdapter(document).openThread()).toBeNull();
  });

  it('reads the messages oldest first under "newest on top"; the collapsed one has unknown recipients; colleagues by name; Name<address> text', () => {
    loadFixture('outlook-popout.html');
    history.replaceState(null, '', `/mail/id/${encodeURIComponent(A)}`);
    expect(plain()).toEqual([
      { from: { name: 'Alice Customer', email: 'alice@customer.test' }, to: null, cc: null, date: 'Tue 11/3/2026 10:42 AM' },
      {
        from: { name: 'Bob Buyer', email: 'bob@buyer.test' },
        to: [{ name: 'Alice Customer', email: 'alice@customer.test' }],
        cc: [{ name: 'Dana Agent', email: null }],
        date: 'Tue 11/3/2026 2:10 PM',
      },
      { from: { name: 'Dana Agent', email: null }, to: [{ name: 'Bob Buyer', email: null }], cc: [], date: 'Wed 11/4/2026 9:05 AM' },
    ]);
  });

  it('keeps the page order when it is already oldest first', () => {
    loadFixture('outlook-popout.html');
    history.replaceState(null, '', `/mail/id/${encodeURIComponent(A)}`);
    const list = document.querySelector('[role="list"]')!;
    for (const item of [...list.children].reverse()) list.append(item);
    expect(plain()?.map((m) => m.date)).toEqual(['Tue 11/3/2026 10:42 AM', 'Tue 11/3/2026 2:10 PM', 'Wed 11/4/2026 9:05 AM']);
  });

  it.each([
    [`/mail/deeplink/readconv/${encodeURIComponent(A)}`, A],
    [`/mail/id/${encodeURIComponent(A)}`, A],
    [`/mail/inbox/id/${encodeURIComponent(A)}`, A],
    ['/mail/0/inbox/id/AAQk-a_b%3D', 'AAQk+a/b='],
    ['/mail/inbox', null],
    ['/mail/id/%E0%A4%A', null],
  ])('reads the conversation id of %s', (path, id) => {
    expect(conversationIdInUrl(path)).toBe(id);
  });
});
