import type { TicketJson } from './backend';
import { departments, trash } from './data';
import { AGENT, expect, test } from './harness';
import { FIXTURE_MAILBOX, GmailViews } from './pages/gmail-views';

/**
 * Issue 19, items 1, 2 and 7: Gmail's real layouts and views, as fixtures modelled on InboxSDK and
 * gmail.js. Each conversation id here belongs to one fixture and one walk-through.
 */

async function fixtureTicket(backend: Parameters<typeof departments>[0], threadId: string, subject: string): Promise<TicketJson> {
  const { Support } = await departments(backend);
  const res = await backend.api<TicketJson>('POST', '/tickets', backend.tokens[AGENT]!, {
    departmentId: Support,
    channel: 'email',
    subject,
    contact: { email: `${threadId}@customer.example`, name: `Customer ${threadId.slice(-4)}` },
    webmailThread: { provider: 'gmail', mailbox: FIXTURE_MAILBOX, threadId },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('reading pane on the right: badges, "2 selected", and the open conversation\'s panel in the pane', async ({ backend, connect, gmail }) => {
  const open = await fixtureTicket(backend, '18c1000000000a01', 'Parcel damaged');
  const listed = await fixtureTicket(backend, '18c1000000000a03', 'Invoice address');
  cleanup = [open, listed];
  await connect(AGENT);
  const inbox = new GmailViews((await gmail('fixture/gmail-reading-pane-right')).page);

  await expect(inbox.badgesOf('18c1000000000a01')).toHaveCount(1);
  await expect(inbox.badgesOf('18c1000000000a01')).toContainText(`#${open.number} `);
  await expect(inbox.badgesOf('18c1000000000a03')).toContainText(`#${listed.number} `);
  await expect(inbox.badges).toHaveCount(2);

  await inbox.tick('18c1000000000a02');
  await inbox.tick('18c1000000000a03');
  await inbox.bar.expectSummary(2, 1);
  await expect(inbox.toolbarHosts).toHaveCount(1);

  const pane = inbox.page.getByRole('region', { name: 'Reading pane' });
  await expect(pane.getByRole('heading', { name: `Ticket #${open.number}`, exact: true })).toBeVisible();
  await expect(inbox.panelHosts).toHaveCount(1);
});

test('a hidden earlier view after a deep link: the panel and the bar belong to the view Gmail shows', async ({ backend, connect, gmail }) => {
  const deepLinked = await fixtureTicket(backend, '18c1000000000b01', 'Deep-linked conversation');
  const selected = await fixtureTicket(backend, '18c1000000000b02', 'Listed conversation');
  cleanup = [deepLinked, selected];
  await connect(AGENT);
  const inbox = new GmailViews((await gmail('fixture/gmail-hidden-view')).page);

  await inbox.bar.expectSummary(1, 1);
  await expect(inbox.view('inbox').locator('inbox-desk-toolbar')).toHaveCount(1);
  await expect(inbox.toolbarHosts).toHaveCount(1);
  await expect(inbox.badgesOf('18c1000000000b02')).toContainText(`#${selected.number} `);
  // The hidden conversation is not the open one: no panel anywhere.
  await expect(inbox.panelHosts).toHaveCount(0);

  await inbox.navigate('#all/18c1000000000b01', 'conversation');
  await expect(inbox.view('conversation').getByRole('heading', { name: `Ticket #${deepLinked.number}`, exact: true })).toBeVisible();
  await expect(inbox.view('conversation').locator('inbox-desk-toolbar')).toHaveCount(1);
  await expect(inbox.toolbarHosts).toHaveCount(1);

  await inbox.navigate('#inbox', 'inbox');
  await expect(inbox.panelHosts).toHaveCount(0);
  await inbox.bar.expectSummary(1, 1);
  await expect(inbox.view('inbox').locator('inbox-desk-toolbar')).toHaveCount(1);
});

test('navigation inbox → conversation → inbox → search → label → settings and back: badges, bar and panel after every step', async ({ backend, connect, gmail }) => {
  const first = await fixtureTicket(backend, '18c1000000000e01', 'Navigation inbox one');
  const found = await fixtureTicket(backend, '18c1000000000e03', 'Navigation search hit');
  const labelled = await fixtureTicket(backend, '18c1000000000e04', 'Navigation label conversation');
  cleanup = [first, found, labelled];
  await connect(AGENT);
  const inbox = new GmailViews((await gmail('fixture/gmail-navigation')).page);
  const visibleBadges = inbox.badges.filter({ visible: true });

  /** After every step: one bar host, at most one panel, and exactly the badges of the view shown. */
  async function expectView(view: string, badges: number, panel: boolean) {
    await expect(visibleBadges).toHaveCount(badges);
    await expect(inbox.panelHosts).toHaveCount(panel ? 1 : 0);
    if (panel) await expect(inbox.view(view).getByRole('heading', { name: `Ticket #${first.number}`, exact: true })).toBeVisible();
    await expect(inbox.toolbarHosts).toHaveCount(1);
    if (view !== 'settings') await expect(inbox.view(view).locator('inbox-desk-toolbar')).toHaveCount(1);
  }

  await expect(inbox.view('inbox').locator('inbox-desk-badge')).toContainText(`#${first.number} `);
  await inbox.tick('18c1000000000e02');
  await inbox.bar.expectSummary(1, 0);
  await expectView('inbox', 1, false);

  await inbox.navigate('#inbox/18c1000000000e01', 'conversation');
  await expectView('conversation', 0, true);

  await inbox.navigate('#inbox', 'inbox');
  await expectView('inbox', 1, false);
  // Gmail kept the inbox and its selection: the bar is back with it.
  await inbox.bar.expectSummary(1, 0);

  await inbox.navigate('#search/navigation', 'search');
  await expectView('search', 2, false);
  await expect(inbox.view('search').locator('inbox-desk-badge')).toHaveCount(2);

  await inbox.navigate('#label/Customers', 'label');
  await expectView('label', 1, false);
  await expect(inbox.view('label').locator('inbox-desk-badge')).toContainText(`#${labelled.number} `);

  await inbox.navigate('#settings/general', 'settings');
  await expect(visibleBadges).toHaveCount(0);
  await expect(inbox.toolbarHosts.filter({ visible: true })).toHaveCount(0);
  await expect(inbox.panelHosts).toHaveCount(0);
  await expect(inbox.limitedMode).toHaveCount(0);

  await inbox.navigate('#label/Customers', 'label');
  await expectView('label', 1, false);
  await inbox.navigate('#inbox', 'inbox');
  await expectView('inbox', 1, false);
  await inbox.bar.expectSummary(1, 0);
});
