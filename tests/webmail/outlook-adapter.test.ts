// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { WebmailAdapter } from '../../webmail/adapter';
import { createOutlookAdapter } from '../../webmail/outlook/adapter';
import { addOwnBadge, loadFixture, nextFrame } from './page-helpers';
import { unknownPageContract } from './unknown-page-contract';

const ALICE = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAB1cKq7mUxNPkY0xT3r9O2Q=';
const BOB = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAHk2bU1e0Y1Dr7G9cW5t8aA=';
const MALLORY = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAMq0y8wTn9RItQ2p3l0ZJpU=';
const CAROL = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAPo4n1Jr3FxEjv8a2Yc1WkE=';
const DAVE = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAF3rWc0m9q1Cm2rD7eZpQ0s=';

const HOSTILE_SUBJECT = '<img src=x onerror=alert(1)>';
const HOSTILE_NAME = "<script>alert('x')</script> Mallory";

/** The fixture's rows as the adapter should read them, in page order; the ad row has no conversation id. */
const EXPECTED_ROWS = [
  { threadId: ALICE, subject: 'Order missing', sender: { name: 'Alice Customer', email: 'alice@customer.test' }, date: 'Tue 11/3/2026 10:42 AM', selected: true },
  { threadId: BOB, subject: 'Refund request for invoice #88', sender: { name: 'Bob Buyer', email: 'bob@buyer.test' }, date: 'Tue 11/3/2026 9:17 AM', selected: false },
  { threadId: MALLORY, subject: HOSTILE_SUBJECT, sender: { name: HOSTILE_NAME, email: 'mallory@evil.test' }, date: 'Tue 11/3/2026 8:03 AM', selected: false },
  { threadId: CAROL, subject: 'Re: Shipping address change', sender: { name: 'Carol Client', email: 'carol@client.test' }, date: 'Mon 11/2/2026 4:55 PM', selected: true },
  { threadId: DAVE, subject: 'Invoice question', sender: { name: 'Dave Partner', email: 'dave@partner.test' }, date: 'Mon 11/2/2026 11:20 AM', selected: false },
  {
    threadId: 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAJ8m6k2dNn5Oq0wqC6vY2xM=',
    subject: 'Scheduled maintenance on Saturday',
    sender: { name: 'Status Page', email: 'noreply@status.test' },
    date: 'Sun 11/1/2026 7:00 PM',
    selected: false,
  },
  {
    threadId: 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAC0p5yH9m3dHo1bKq0v8QjY=',
    subject: "Can't log in",
    sender: { name: 'Erin Example', email: 'erin@customer.test' },
    date: 'Sat 10/31/2026 10:05 AM',
    selected: false,
  },
  {
    threadId: 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAG4v7Qk1xZ9Kp6fR0sW3eXc=',
    subject: 'Feature request: dark mode',
    sender: { name: 'Frank Fictional', email: 'frank@customer.test' },
    date: 'Fri 10/30/2026 3:41 PM',
    selected: false,
  },
  {
    threadId: 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAEw2sV8pLr7Gn3uJ1tY9bHo=',
    subject: 'Thank you!',
    sender: { name: 'Grace Sample', email: 'grace@customer.test' },
    date: 'Thu 10/29/2026 9:12 AM',
    selected: false,
  },
];

function rowOf(threadId: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-convid="${threadId}"]`);
  if (!row) throw new Error(`no row ${threadId}`);
  return row;
}

function checkbox(threadId: string): HTMLElement {
  const box = rowOf(threadId).querySelector<HTMLElement>('[role="checkbox"]');
  if (!box) throw new Error(`no checkbox in ${threadId}`);
  return box;
}

function plainRows(adapter: WebmailAdapter): unknown[] {
  return adapter.rows().map(({ threadId, subject, sender, date, selected }) => ({ threadId, subject, sender, date, selected }));
}

/** The open thread without its elements, to compare two readings of the page. */
function plainThread(adapter: WebmailAdapter): unknown {
  const thread = adapter.openThread();
  return thread && { ...thread, element: null, messages: thread.messages.map((m) => ({ ...m, element: null })) };
}

describe('Outlook adapter on the inbox with the reading pane', () => {
  let adapter: WebmailAdapter;
  beforeEach(() => {
    adapter = createOutlookAdapter(loadFixture('outlook-inbox.html'));
  });

  it('is recognised and names the signed-in mailbox from the account manager button', () => {
    expect(adapter.provider).toBe('outlook');
    expect(adapter.recognised()).toBe(true);
    expect(adapter.mailbox()).toBe('support@acme.test');
  });

  it('falls back to the document title for the mailbox', () => {
    document.querySelector('#mectrl_main_trigger')?.remove();
    expect(adapter.mailbox()).toBeNull();
    document.title = 'Inbox - Support@Acme.test - Outlook';
    expect(adapter.mailbox()).toBe('support@acme.test');
  });

  it('reads every conversation row: id, subject, sender and date', () => {
    expect(plainRows(adapter)).toEqual(EXPECTED_ROWS);
  });

  it('skips the ad row, which has no conversation id', () => {
    expect(document.querySelectorAll('[role="listbox"] [role="option"]')).toHaveLength(10);
    expect(adapter.rows().map((r) => r.subject)).not.toContain('Try our premium plan');
  });

  it('skips a row whose conversation id is empty, without throwing', () => {
    rowOf(DAVE).setAttribute('data-convid', '');
    expect(adapter.rows()).toHaveLength(8);
  });

  it('returns a hostile subject and sender name as literal text, creating no elements', () => {
    const row = adapter.rows().find((r) => r.threadId === MALLORY);
    expect(row?.subject).toBe(HOSTILE_SUBJECT);
    expect(row?.sender.name).toBe(HOSTILE_NAME);
    expect(row?.element.querySelector('img, script')).toBeNull();
  });

  it('takes the subject from the aria-label when the subject has no title', () => {
    rowOf(DAVE).querySelector('span[title="Invoice question"]')?.removeAttribute('title');
    expect(adapter.rows().find((r) => r.threadId === DAVE)).toMatchObject({ subject: 'Invoice question', date: 'Mon 11/2/2026 11:20 AM' });
  });

  it('offers a badge slot before each subject, and reads rows the same once our badges are in', () => {
    for (const row of adapter.rows()) {
      expect(row.element.contains(row.badgeSlot)).toBe(true);
      expect(row.badgeSlot.firstElementChild?.getAttribute('title')).toBe(row.subject);
    }
    const before = plainRows(adapter);
    for (const row of adapter.rows()) addOwnBadge(row.badgeSlot);
    expect(plainRows(adapter)).toEqual(before);
  });

  it("lists the selected rows and follows each row's checkbox", () => {
    expect(adapter.selectedThreadIds()).toEqual([ALICE, CAROL]);
    checkbox(CAROL).setAttribute('aria-checked', 'false');
    checkbox(DAVE).setAttribute('aria-checked', 'true');
    expect(adapter.selectedThreadIds()).toEqual([ALICE, DAVE]);
  });

  it('does not count the conversation that is merely open (issue 19, item 11)', () => {
    for (const id of [ALICE, CAROL]) checkbox(id).setAttribute('aria-checked', 'false');
    rowOf(CAROL).setAttribute('aria-selected', 'false');
    // Alice stays aria-selected: Outlook marks the open conversation so, checked or not.
    expect(adapter.selectedThreadIds()).toEqual([]);
    expect(adapter.openThread()?.threadId).toBe(ALICE);
  });

  it('without checkboxes, takes one marked row as open only, several as selected', () => {
    for (const box of document.querySelectorAll('[role="option"] [role="checkbox"]')) box.remove();
    expect(adapter.selectedThreadIds()).toEqual([ALICE, CAROL]);
    rowOf(CAROL).setAttribute('aria-selected', 'false');
    expect(adapter.selectedThreadIds()).toEqual([]);
  });

  it('reads the open conversation: the selected row whose subject the pane shows', () => {
    const thread = adapter.openThread();
    expect(thread?.threadId).toBe(ALICE);
    expect(thread?.subject).toBe('Order missing');
    expect(thread?.element).toBe(document.querySelector('[data-app-section="MailReadCompose"]'));
  });

  it('reads each message: sender, to, cc and date; Outlook gives no message id', () => {
    expect(adapter.openThread()?.messages.map(({ element: _element, markSlot: _slot, ...message }) => message)).toEqual([
      {
        messageId: null,
        from: { name: 'Alice Customer', email: 'alice@customer.test' },
        to: [{ name: 'Acme Support', email: 'support@acme.test' }],
        cc: [
          { name: 'Bob Customer', email: 'bob@customer.test' },
          { name: 'Carol Client', email: 'carol@client.test' },
        ],
        date: 'Tue 11/3/2026 10:42 AM',
      },
      {
        messageId: null,
        from: { name: 'Acme Support', email: 'support@acme.test' },
        to: [{ name: 'Alice Customer', email: 'alice@customer.test' }],
        cc: [
          { name: 'Bob Customer', email: 'bob@customer.test' },
          { name: 'Dana Agent', email: null },
        ],
        date: 'Wed 11/4/2026 8:30 AM',
      },
    ]);
  });

  it("puts a message's read-receipt mark beside its date, inside that message", () => {
    for (const message of adapter.openThread()!.messages) {
      expect(message.element.contains(message.markSlot)).toBe(true);
      expect(message.markSlot.textContent).toContain(message.date!.split(' ')[0]);
    }
  });

  it('takes a single selected row as the open conversation', () => {
    rowOf(CAROL).setAttribute('aria-selected', 'false');
    expect(adapter.openThread()?.threadId).toBe(ALICE);
  });

  it('names no conversation rather than guess between selected rows', () => {
    document.querySelector('[id$="_SUBJECT"]')?.setAttribute('title', 'Something else');
    expect(adapter.openThread()).toBeNull();
    rowOf(ALICE).setAttribute('aria-selected', 'false');
    rowOf(CAROL).setAttribute('aria-selected', 'false');
    expect(adapter.openThread()).toBeNull();
  });

  it('falls back to a conversation id inside the reading pane', () => {
    rowOf(ALICE).setAttribute('aria-selected', 'false');
    rowOf(CAROL).setAttribute('aria-selected', 'false');
    document.querySelector('#ConversationReadingPaneContainer')?.setAttribute('data-convid', BOB);
    expect(adapter.openThread()?.threadId).toBe(BOB);
  });

  it('does not depend on class names', () => {
    const rows = plainRows(adapter);
    const thread = plainThread(adapter);
    for (const element of document.querySelectorAll('[class]')) element.removeAttribute('class');
    expect(plainRows(adapter)).toEqual(rows);
    expect(plainThread(adapter)).toEqual(thread);
  });

  it('mounts the toolbar on the message list and the panel beside the subject', () => {
    expect(adapter.mountPoints()).toEqual({
      toolbar: document.querySelector('[data-app-section="MessageList"]'),
      threadPanel: document.querySelector('[id$="_SUBJECT"]')?.parentElement,
    });
  });

  it('calls back once per frame after the selection changes, until aborted', async () => {
    const controller = new AbortController();
    let calls = 0;
    adapter.onChange(() => calls++, controller.signal);
    rowOf(DAVE).setAttribute('aria-selected', 'true');
    checkbox(BOB).setAttribute('aria-checked', 'true');
    await nextFrame();
    await nextFrame();
    expect(calls).toBe(1);
    controller.abort();
    rowOf(DAVE).setAttribute('aria-selected', 'false');
    await nextFrame();
    await nextFrame();
    expect(calls).toBe(1);
  });
});

unknownPageContract('Outlook', createOutlookAdapter, 'outlook-changed.html');
