// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { WebmailAdapter } from '../../webmail/adapter';
import { createGmailAdapter } from '../../webmail/gmail/adapter';
import { addOwnBadge, loadFixture, nextFrame } from './page-helpers';
import { unknownPageContract } from './unknown-page-contract';

const ALICE = '18be3dcdd8224f79';
const BOB = '18be3dce21b8524c';
const MALLORY = '18be3dce6b4e551f';
const CAROL = '18be3dceb4e457f2';
const DAVE = '18be3dcefe7a5ac5';
const ERIN = '18be3dcf91a6606b';

const HOSTILE_SUBJECT = '<img src=x onerror=alert(1)>';
const HOSTILE_NAME = "<script>alert('x')</script> Mallory";

/** The fixture's rows as the adapter should read them, in page order. */
const EXPECTED_ROWS = [
  { threadId: ALICE, subject: 'Order missing', sender: { name: 'Alice Customer', email: 'alice@customer.test' }, date: 'Tue, Nov 3, 2026, 10:42 AM', selected: true },
  { threadId: BOB, subject: 'Refund request for invoice #88', sender: { name: 'Bob Buyer', email: 'bob@buyer.test' }, date: 'Tue, Nov 3, 2026, 9:17 AM', selected: true },
  { threadId: MALLORY, subject: HOSTILE_SUBJECT, sender: { name: HOSTILE_NAME, email: 'mallory@evil.test' }, date: 'Tue, Nov 3, 2026, 8:03 AM', selected: false },
  { threadId: CAROL, subject: 'Re: Shipping address change', sender: { name: 'Carol Client', email: 'carol@client.test' }, date: 'Mon, Nov 2, 2026, 4:55 PM', selected: false },
  { threadId: DAVE, subject: 'Invoice question', sender: { name: 'Dave Partner', email: 'dave@partner.test' }, date: 'Mon, Nov 2, 2026, 11:20 AM', selected: false },
  {
    threadId: '18be3dcf48105d98',
    subject: 'Scheduled maintenance on Saturday',
    sender: { name: 'Status Page', email: 'noreply@status.test' },
    date: 'Sun, Nov 1, 2026, 7:00 PM',
    selected: false,
  },
  { threadId: ERIN, subject: "Can't log in", sender: { name: 'Erin Example', email: 'erin@customer.test' }, date: 'Sat, Oct 31, 2026, 10:05 AM', selected: false },
  {
    threadId: '18be3dcfdb3c633e',
    subject: 'Feature request: dark mode',
    sender: { name: 'Frank Fictional', email: 'frank@customer.test' },
    date: 'Fri, Oct 30, 2026, 3:41 PM',
    selected: false,
  },
  { threadId: '18be3dd024d26611', subject: 'Thank you!', sender: { name: 'Grace Sample', email: 'grace@customer.test' }, date: 'Thu, Oct 29, 2026, 9:12 AM', selected: false },
];

function rowOf(adapter: WebmailAdapter, threadId: string): HTMLElement {
  const row = adapter.rows().find((r) => r.threadId === threadId);
  if (!row) throw new Error(`no row ${threadId}`);
  return row.element;
}

function plainRows(adapter: WebmailAdapter): unknown[] {
  return adapter.rows().map(({ threadId, subject, sender, date, selected }) => ({ threadId, subject, sender, date, selected }));
}

function checkboxOf(row: HTMLElement): HTMLElement {
  const checkbox = row.querySelector<HTMLElement>('[role="checkbox"]');
  if (!checkbox) throw new Error('no checkbox');
  return checkbox;
}

describe('Gmail adapter on the inbox list', () => {
  let adapter: WebmailAdapter;
  beforeEach(() => {
    adapter = createGmailAdapter(loadFixture('gmail-inbox.html'));
  });

  it('is recognised and names the signed-in mailbox from the title', () => {
    expect(adapter.provider).toBe('gmail');
    expect(adapter.recognised()).toBe(true);
    expect(adapter.mailbox()).toBe('support@acme.test');
  });

  it('falls back to the account button for the mailbox when the title lacks it', () => {
    document.title = 'Gmail';
    expect(adapter.mailbox()).toBe('support@acme.test');
  });

  it('reads every row with a thread id: id, subject, sender and date', () => {
    expect(plainRows(adapter)).toEqual(EXPECTED_ROWS);
  });

  it('strips a leading # and converts a thread-f id when the legacy id is missing', () => {
    expect(document.querySelector(`[data-legacy-thread-id="#${CAROL}"]`)).not.toBeNull();
    expect(document.querySelector('[data-thread-id="#thread-f:1782930461727283909"]')?.hasAttribute('data-legacy-thread-id')).toBe(false);
    expect(adapter.rows().map((r) => r.threadId)).toEqual(expect.arrayContaining([CAROL, DAVE]));
  });

  it('skips the sponsored row that has no thread id', () => {
    expect(document.querySelectorAll('tr.zA')).toHaveLength(10);
    expect(adapter.rows()).toHaveLength(9);
    expect(adapter.rows().map((r) => r.subject)).not.toContain('Try our premium plan');
  });

  it('skips a row whose ids are not Gmail ids, without throwing', () => {
    const idElement = rowOf(adapter, ERIN).querySelector('[data-thread-id]');
    idElement?.setAttribute('data-legacy-thread-id', 'not-an-id');
    idElement?.setAttribute('data-thread-id', '#thread-a:r-123');
    expect(adapter.rows().map((r) => r.threadId)).not.toContain(ERIN);
  });

  it('returns a hostile subject and sender name as literal text, creating no elements', () => {
    const row = adapter.rows().find((r) => r.threadId === MALLORY);
    expect(row?.subject).toBe(HOSTILE_SUBJECT);
    expect(row?.sender.name).toBe(HOSTILE_NAME);
    expect(row?.element.querySelector('img, script')).toBeNull();
  });

  it('lists the selected rows', () => {
    expect(adapter.selectedThreadIds()).toEqual([ALICE, BOB]);
  });

  it('counts either selection mark: class x7 or a checked checkbox', () => {
    rowOf(adapter, ALICE).classList.remove('x7');
    expect(adapter.selectedThreadIds()).toEqual([ALICE, BOB]);
    checkboxOf(rowOf(adapter, ALICE)).setAttribute('aria-checked', 'false');
    expect(adapter.selectedThreadIds()).toEqual([BOB]);
    rowOf(adapter, ERIN).classList.add('x7');
    checkboxOf(rowOf(adapter, DAVE)).setAttribute('aria-checked', 'true');
    expect(adapter.selectedThreadIds()).toEqual([BOB, DAVE, ERIN]);
  });

  it('still reads rows, subjects, dates and selection when Gmail drops its class names', () => {
    for (const element of document.querySelectorAll('[class]')) element.removeAttribute('class');
    expect(plainRows(adapter)).toEqual(EXPECTED_ROWS);
  });

  it('offers a badge slot before each subject, and reads rows the same once our badges are in', () => {
    for (const row of adapter.rows()) {
      expect(row.element.contains(row.badgeSlot)).toBe(true);
      expect(row.badgeSlot.firstElementChild?.matches('span.bog')).toBe(true);
    }
    const before = plainRows(adapter);
    for (const row of adapter.rows()) addOwnBadge(row.badgeSlot);
    expect(plainRows(adapter)).toEqual(before);
  });

  it('has no open thread, and mounts the toolbar on the list toolbar', () => {
    expect(adapter.openThread()).toBeNull();
    expect(adapter.mountPoints()).toEqual({ toolbar: document.querySelector('div[gh="tm"]'), threadPanel: null });
  });

  it('calls back once per frame after the selection changes, until aborted', async () => {
    const controller = new AbortController();
    let calls = 0;
    adapter.onChange(() => calls++, controller.signal);
    checkboxOf(rowOf(adapter, ERIN)).setAttribute('aria-checked', 'true');
    rowOf(adapter, ERIN).classList.add('x7');
    await nextFrame();
    await nextFrame();
    expect(calls).toBe(1);
    controller.abort();
    rowOf(adapter, ERIN).classList.remove('x7');
    await nextFrame();
    await nextFrame();
    expect(calls).toBe(1);
  });
});

describe('Gmail adapter on an open conversation', () => {
  let adapter: WebmailAdapter;
  beforeEach(() => {
    adapter = createGmailAdapter(loadFixture('gmail-thread.html'));
  });

  it('is recognised with no list rows', () => {
    expect(adapter.recognised()).toBe(true);
    expect(adapter.rows()).toEqual([]);
    expect(adapter.mailbox()).toBe('support@acme.test');
  });

  it('reads the thread id and subject from the heading', () => {
    const thread = adapter.openThread();
    expect(thread?.threadId).toBe(ALICE);
    expect(thread?.subject).toBe('Order missing');
    expect(thread?.messages).toHaveLength(3);
    for (const message of thread?.messages ?? []) expect(thread?.element.contains(message.element)).toBe(true);
  });

  it('converts the permanent id when the heading lacks the legacy one', () => {
    document.querySelector('h2')?.removeAttribute('data-legacy-thread-id');
    expect(adapter.openThread()?.threadId).toBe(ALICE);
  });

  it('reads to and cc apart from the details table', () => {
    const first = adapter.openThread()?.messages[0];
    expect(first).toMatchObject({
      messageId: ALICE,
      from: { name: 'Alice Customer', email: 'alice@customer.test' },
      to: [{ name: 'Acme Support', email: 'support@acme.test' }],
      cc: [{ name: 'Bob Customer', email: 'bob@customer.test' }],
      date: 'Tue, Nov 3, 2026, 10:42 AM',
    });
  });

  it("puts a message's read-receipt mark beside its date, inside that message", () => {
    for (const message of adapter.openThread()!.messages) {
      expect(message.element.contains(message.markSlot)).toBe(true);
      expect(message.markSlot.querySelector('[title]')?.getAttribute('title')).toBe(message.date);
    }
  });

  it('counts every header-summary recipient as "to" when the details were never opened', () => {
    const second = adapter.openThread()?.messages[1];
    expect(second).toMatchObject({
      messageId: '18be3dd0745c6801',
      from: { name: 'Acme Support', email: 'support@acme.test' },
      to: [
        { name: 'Alice Customer', email: 'alice@customer.test' },
        { name: 'Bob Customer', email: 'bob@customer.test' },
      ],
      cc: [],
      date: 'Wed, Nov 4, 2026, 8:30 AM',
    });
  });

  it('gives a just-sent message a null id: not ready yet, not an error', () => {
    const third = adapter.openThread()?.messages[2];
    expect(third).toMatchObject({
      messageId: null,
      from: { name: 'Acme Support', email: 'support@acme.test' },
      to: [{ name: 'Alice Customer', email: 'alice@customer.test' }],
      cc: [],
      date: 'Thu, Nov 5, 2026, 9:15 AM',
    });
  });

  it('gives a message with an empty data-message-id a null id', () => {
    document.querySelector('[data-message-id]')?.setAttribute('data-message-id', '');
    expect(adapter.openThread()?.messages[0]?.messageId).toBeNull();
  });

  it('mounts the panel beside the subject heading', () => {
    const { toolbar, threadPanel } = adapter.mountPoints();
    expect(toolbar).toBe(document.querySelector('div[gh="tm"]'));
    expect(threadPanel).not.toBeNull();
    expect(threadPanel).toBe(document.querySelector('h2[data-legacy-thread-id]')?.parentElement);
  });
});

unknownPageContract('Gmail', createGmailAdapter, 'gmail-changed.html');

describe('Gmail thread ids in every form the page uses (issue 19, item 4)', () => {
  let adapter: WebmailAdapter;
  beforeEach(() => {
    adapter = createGmailAdapter(loadFixture('gmail-inbox.html'));
  });

  it('reads "#thread-f:<decimal>|msg-f:<decimal>" as the thread it names', () => {
    const idElement = rowOf(adapter, ERIN).querySelector('[data-thread-id]')!;
    idElement.removeAttribute('data-legacy-thread-id');
    idElement.setAttribute('data-thread-id', `#thread-f:${BigInt(`0x${ERIN}`)}|msg-f:1782930464196419999`);
    expect(adapter.rows().map((r) => r.threadId)).toContain(ERIN);
  });

  it('calls back when a row gets its thread id after it was drawn', async () => {
    const idElement = rowOf(adapter, ERIN).querySelector('[data-thread-id]')!;
    idElement.removeAttribute('data-legacy-thread-id');
    idElement.removeAttribute('data-thread-id');
    expect(adapter.rows().map((r) => r.threadId)).not.toContain(ERIN);
    const controller = new AbortController();
    let calls = 0;
    adapter.onChange(() => calls++, controller.signal);
    idElement.setAttribute('data-thread-id', `#thread-f:${BigInt(`0x${ERIN}`)}`);
    await nextFrame();
    await nextFrame();
    controller.abort();
    expect(calls).toBe(1);
    expect(adapter.rows().map((r) => r.threadId)).toContain(ERIN);
  });
});
