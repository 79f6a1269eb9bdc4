// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { WebmailAdapter } from '../../webmail/adapter';
import { selectionOf } from '../../content/selection';
import { createGmailAdapter } from '../../webmail/gmail/adapter';
import { addOwnBadge, loadFixture, nextFrame } from './page-helpers';

/** Issue 19, items 1-3 and 7: the layouts and views of Gmail as InboxSDK and gmail.js describe them. */

function plainRows(adapter: WebmailAdapter) {
  return adapter.rows().map(({ threadId, subject, sender, date, selected }) => ({ threadId, subject, sender, date, selected }));
}

/** What Gmail does when the agent ticks a row: the first <tr> gets x7, its checkbox aria-checked. */
function tick(adapter: WebmailAdapter, threadId: string) {
  const row = adapter.rows().find((r) => r.threadId === threadId)!.element;
  row.classList.add('x7');
  row.querySelector('[role="checkbox"]')!.setAttribute('aria-checked', 'true');
}

const view = (name: string) => document.querySelector<HTMLElement>(`[data-fixture-view="${name}"]`)!;

/** Gmail's own view switch: the old view hidden, role=main moved to the new one. */
function show(name: string) {
  for (const element of document.querySelectorAll<HTMLElement>('[data-fixture-view]')) {
    element.style.display = 'none';
    element.removeAttribute('role');
  }
  view(name).style.display = '';
  view(name).setAttribute('role', 'main');
}

const RIGHT = [
  { threadId: '18c1000000000a01', subject: 'Parcel damaged', sender: { name: 'Hana Right', email: 'hana@customer.test' }, date: 'Tue, Nov 3, 2026, 10:42 AM', selected: false },
  {
    threadId: '18c1000000000a02',
    subject: 'Wrong size delivered',
    sender: { name: 'Ivan Right', email: 'ivan@customer.test' },
    date: 'Tue, Nov 3, 2026, 9:17 AM',
    selected: false,
  },
  { threadId: '18c1000000000a03', subject: 'Invoice address', sender: { name: 'Jun Right', email: 'jun@customer.test' }, date: 'Mon, Nov 2, 2026, 4:55 PM', selected: false },
  { threadId: '18c1000000000a04', subject: 'Cancel my order', sender: { name: 'Kim Right', email: 'kim@customer.test' }, date: 'Mon, Nov 2, 2026, 11:20 AM', selected: false },
];

describe.each(['gmail-reading-pane-right.html', 'gmail-reading-pane-below.html'])('Gmail with the reading pane (%s)', (fixture) => {
  const load = () => createGmailAdapter(loadFixture(fixture));

  it('reads each conversation once, with its sender, date and subject', () => {
    const adapter = load();
    expect(plainRows(adapter)).toEqual(RIGHT);
  });

  it('reads the selection from the checkbox row, and the open conversation is not selected', () => {
    const adapter = load();
    expect(adapter.selectedThreadIds()).toEqual([]);
    tick(adapter, '18c1000000000a02');
    tick(adapter, '18c1000000000a04');
    expect(adapter.selectedThreadIds()).toEqual(['18c1000000000a02', '18c1000000000a04']);
  });

  it('reads the conversation open in the pane, and mounts the panel on its heading and the bar on the list toolbar', () => {
    const adapter = load();
    const thread = adapter.openThread();
    expect(thread).toMatchObject({ threadId: '18c1000000000a01', subject: 'Parcel damaged' });
    expect(thread?.messages[0]).toMatchObject({ to: [{ email: 'support@acme.test' }], cc: [{ email: 'lee@customer.test' }] });
    const { toolbar, threadPanel } = adapter.mountPoints();
    expect(toolbar).toBe(document.querySelector('div[gh="tm"]'));
    expect(threadPanel).toBe(document.querySelector('h2[data-legacy-thread-id]')?.parentElement);
  });

  it('puts a badge slot before each subject, and reads rows the same once badges are in', () => {
    const adapter = load();
    for (const row of adapter.rows()) expect(row.badgeSlot.querySelector('[data-legacy-thread-id]')).not.toBeNull();
    const before = plainRows(adapter);
    for (const row of adapter.rows()) addOwnBadge(row.badgeSlot);
    expect(plainRows(adapter)).toEqual(before);
  });
});

describe('Gmail keeps the views it has left, hidden (a deep link, then Back to Inbox)', () => {
  const load = () => createGmailAdapter(loadFixture('gmail-hidden-view.html'));

  it('reads rows, toolbar and open conversation of the visible view only', () => {
    const adapter = load();
    expect(adapter.openThread()).toBeNull();
    expect(adapter.rows().map((r) => r.threadId)).toEqual(['18c1000000000b01', '18c1000000000b02', '18c1000000000b03']);
    expect(adapter.selectedThreadIds()).toEqual(['18c1000000000b02']);
    expect(adapter.mountPoints()).toEqual({ toolbar: view('inbox').querySelector('div[gh="tm"]'), threadPanel: null });
  });

  it('follows Gmail back into the conversation, and out again', () => {
    const adapter = load();
    show('conversation');
    expect(adapter.openThread()?.threadId).toBe('18c1000000000b01');
    expect(adapter.rows()).toEqual([]);
    expect(adapter.mountPoints().toolbar).toBe(view('conversation').querySelector('div[gh="tm"]'));
    expect(view('conversation').contains(adapter.mountPoints().threadPanel)).toBe(true);
    show('inbox');
    expect(adapter.openThread()).toBeNull();
    expect(adapter.mountPoints().toolbar).toBe(view('inbox').querySelector('div[gh="tm"]'));
  });

  it('sees nothing while Gmail shows no view (mid-switch), rather than a hidden one', () => {
    const adapter = load();
    view('inbox').style.display = 'none';
    expect(adapter.rows()).toEqual([]);
    expect(adapter.openThread()).toBeNull();
    expect(adapter.mountPoints()).toEqual({ toolbar: null, threadPanel: null });
  });

  it('calls back when a view switch changes nothing but style', async () => {
    const adapter = load();
    const controller = new AbortController();
    let calls = 0;
    adapter.onChange(() => calls++, controller.signal);
    view('inbox').style.display = 'none';
    view('conversation').style.display = '';
    await nextFrame();
    await nextFrame();
    expect(calls).toBe(1);
    controller.abort();
    view('conversation').style.display = 'none';
    await nextFrame();
    await nextFrame();
    expect(calls).toBe(1);
  });

  it('also watches a view Gmail adds later', async () => {
    const adapter = load();
    const controller = new AbortController();
    let calls = 0;
    adapter.onChange(() => calls++, controller.signal);
    const search = view('inbox').cloneNode(true) as HTMLElement;
    search.style.display = 'none';
    view('inbox').parentElement!.append(search);
    await nextFrame();
    await nextFrame();
    const afterAdd = calls;
    search.style.display = '';
    await nextFrame();
    await nextFrame();
    controller.abort();
    expect(calls).toBe(afterAdd + 1);
  });
});

describe('Gmail inbox types with several row lists on one page', () => {
  it('Priority Inbox: rows and selection of every section', () => {
    const adapter = createGmailAdapter(loadFixture('gmail-priority-inbox.html'));
    expect(document.querySelectorAll('div.Cp > div > table > tbody')).toHaveLength(3);
    expect(adapter.rows().map((r) => r.sender.name)).toEqual(['Pia Important', 'Quinn Important', 'Rosa Starred', 'Sam Else', 'Tia Else']);
    expect(adapter.selectedThreadIds()).toEqual(['18c1000000000c01', '18c1000000000c05']);
  });

  it('Multiple inboxes: rows of every pane, the bar on the view toolbar, not a pane toolbar', () => {
    const adapter = createGmailAdapter(loadFixture('gmail-multiple-inboxes.html'));
    expect(document.querySelectorAll('[gh="mtb"]').length).toBeGreaterThan(2);
    expect(adapter.rows().map((r) => r.sender.name)).toEqual(['Uma Pane', 'Vic Pane', 'Wes Main', 'Xia Main']);
    expect(adapter.selectedThreadIds()).toEqual(['18c1000000000d01', '18c1000000000d04']);
    expect(adapter.mountPoints().toolbar).toBe(document.querySelector('div[gh="tm"]'));
  });
});

describe('Gmail navigation between views (issue 19, item 7)', () => {
  it('inbox → conversation → inbox → search → label → settings and back: each view read on its own', () => {
    const adapter = createGmailAdapter(loadFixture('gmail-navigation.html'));
    const ids = () => adapter.rows().map((r) => r.threadId);
    expect(ids()).toEqual(['18c1000000000e01', '18c1000000000e02']);
    show('conversation');
    expect(ids()).toEqual([]);
    expect(adapter.openThread()?.threadId).toBe('18c1000000000e01');
    show('inbox');
    expect(adapter.openThread()).toBeNull();
    expect(ids()).toEqual(['18c1000000000e01', '18c1000000000e02']);
    show('search');
    expect(ids()).toEqual(['18c1000000000e03', '18c1000000000e01']);
    expect(adapter.mountPoints().toolbar).toBe(view('search').querySelector('div[gh="tm"]'));
    show('label');
    expect(ids()).toEqual(['18c1000000000e04']);
    show('settings');
    expect(adapter.recognised()).toBe(false);
    expect(ids()).toEqual([]);
    expect(adapter.mountPoints().threadPanel).toBeNull();
    show('inbox');
    expect(adapter.recognised()).toBe(true);
    expect(adapter.mountPoints().toolbar).toBe(view('inbox').querySelector('div[gh="tm"]'));
  });
});

describe('Gmail with conversation view off (issue 19, item 5)', () => {
  it('lists a conversation once per message, and a selection counts it once', () => {
    const adapter = createGmailAdapter(loadFixture('gmail-conversation-view-off.html'));
    expect(adapter.rows().map((r) => r.threadId)).toEqual(['18c1000000000f01', '18c1000000000f01', '18c1000000000f02', '18c1000000000f01']);
    expect(adapter.selectedThreadIds()).toEqual(['18c1000000000f01', '18c1000000000f02']);
    const selection = selectionOf(adapter.rows(), {});
    expect(selection.threadIds).toEqual(['18c1000000000f01', '18c1000000000f02']);
    expect(selection.withoutTicket.map((r) => r.threadId)).toEqual(['18c1000000000f01', '18c1000000000f02']);
  });
});
