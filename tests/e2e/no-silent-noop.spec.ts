import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { connectExtension } from '../../scripts/extension-browser';
import type { Backend, TicketJson } from './backend';
import { createTicket, departmentId, trash } from './data';
import { ADMIN, AGENT, expect, test } from './harness';
import { GmailInbox } from './pages/gmail-inbox';
import { OutlookInbox } from './pages/outlook-inbox';
import type { BulkBar } from './pages/bulk-bar';
import type { TicketPanel } from './pages/ticket-panel';

/**
 * Issue 19, item 14: every enabled control of the ticket panel and the selection bar does something
 * visible within a second (progress, result or a specific error), and every disabled one says why.
 * Each webmail fixture is a row of FIXTURES; a new fixture is one more row.
 */

/** What one open webmail page shows of ours. */
interface Ui {
  page: Page;
  bar: BulkBar;
  panel: TicketPanel;
}

interface OpenArgs {
  gmail: (search?: string) => Promise<GmailInbox>;
  outlook: (tag: string) => Promise<OutlookInbox>;
  tag: string;
  /** This walk-through's number: its Gmail fixtures are served under noop/<run>/. */
  run: number;
  /** This walk-through's id of a Gmail fixture conversation (see gmailFixtures). */
  gmailId: (fixtureId: string) => string;
}

interface WebmailFixture {
  name: string;
  /** The regions the page shows: the bar over a selection, the panel beside an open conversation. */
  regions: ('bar' | 'panel')[];
  /** Tickets made before the agent connects, so the bar offers its operations on them. */
  setup(backend: Backend, args: OpenArgs): Promise<TicketJson[]>;
  open(args: OpenArgs): Promise<Ui>;
  /** Waits until the page shows what the setup made: the selection counted, the panel drawn. */
  ready(ui: Ui, tickets: TicketJson[]): Promise<void>;
}

/** The Gmail fixtures' mailbox (their title) and the conversations selected in the inbox fixture. */
const FIXTURE_MAILBOX = 'support@acme.test';
const GMAIL_SELECTED = ['18be3dcdd8224f79', '18be3dce21b8524c'];
const GMAIL_FIXTURES = path.resolve(import.meta.dirname, '../webmail/fixtures');

/**
 * The Gmail fixtures under /mail/u/0/noop/<n>/<name>, every conversation id moved by the same offset
 * (hex and decimal forms alike, so they still name one thread): a conversation keeps its ticket link
 * even in the trash, so each walk-through needs conversations no earlier one made tickets of.
 */
async function gmailFixtures(context: BrowserContext, run: number): Promise<(fixtureId: string) => string> {
  const offset = BigInt(run) << 40n;
  const moved = (hex: string) => (BigInt(`0x${hex}`) + offset).toString(16);
  await context.route(`https://mail.google.com/mail/u/0/noop/${run}/*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').at(-1)!;
    const html = readFileSync(path.join(GMAIL_FIXTURES, `${name}.html`), 'utf8')
      .replace(/\b18be3d[0-9a-f]{10}\b/g, moved)
      .replace(/(thread-f:|msg-f:)(\d+)/g, (_, kind: string, decimal: string) => `${kind}${BigInt(decimal) + offset}`);
    return route.fulfill({ body: html, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "require-trusted-types-for 'script'" } });
  });
  return moved;
}
let runs = 0;

async function gmailTicket(backend: Backend, threadId: string, subject: string): Promise<TicketJson> {
  const res = await backend.api<TicketJson>('POST', '/tickets', backend.tokens[ADMIN]!, {
    departmentId: await departmentId(backend, 'Support'),
    channel: 'email',
    subject,
    contact: { email: 'carol@client.test', name: 'Carol Client' },
    webmailThread: { provider: 'gmail', mailbox: FIXTURE_MAILBOX, threadId },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const gmailUi = (inbox: GmailInbox): Ui => ({ page: inbox.page, bar: inbox.bar, panel: inbox.panel });
const outlookUi = (inbox: OutlookInbox): Ui => ({ page: inbox.page, bar: inbox.bar, panel: inbox.panel });

const FIXTURES: WebmailFixture[] = [
  {
    name: 'Gmail inbox',
    regions: ['bar'],
    // One of the two selected rows has a ticket: the bar offers "Create 1 ticket" and the operations.
    setup: async (backend, { gmailId }) => [await gmailTicket(backend, gmailId(GMAIL_SELECTED[1]!), 'Invoice question (no-silent-noop)')],
    open: async ({ gmail, run }) => gmailUi(await gmail(`noop/${run}/gmail-inbox`)),
    ready: ({ bar }) => bar.expectSummary(2, 1),
  },
  {
    name: 'Gmail thread',
    regions: ['panel'],
    // No ticket yet: the panel offers "Create ticket".
    setup: async () => [],
    open: async ({ gmail, run }) => gmailUi(await gmail(`noop/${run}/gmail-thread`)),
    ready: ({ panel }) => expect(panel.createButton).toBeVisible(),
  },
  {
    name: 'Outlook inbox',
    regions: ['bar', 'panel'],
    setup: async (backend, { tag }) => [
      await createTicket(backend, {
        departmentId: await departmentId(backend, 'Support'),
        subject: 'Order missing',
        contact: { email: 'alice@customer.test', name: 'Alice Customer' },
        outlookConversation: OutlookInbox.conversation('open', tag),
      }),
    ],
    open: async ({ outlook, tag }) => outlookUi(await outlook(tag)),
    ready: async ({ bar, panel }, [made]) => {
      await bar.expectSummary(2, 1);
      await panel.expectTicket(made!.number);
    },
  },
];

const regionOf = (ui: Ui, region: 'bar' | 'panel'): Locator => (region === 'bar' ? ui.bar.root : ui.panel.root);

/** What the agent can see change: the text, and the live parts (status lines, alerts, dialogs, expanded lists). */
async function snapshot(ui: Ui, regions: ('bar' | 'panel')[]): Promise<string> {
  const parts: string[] = [];
  for (const region of regions) {
    const root = regionOf(ui, region);
    if ((await root.count()) === 0) continue;
    parts.push(await root.innerText(), ...(await root.locator('[role=status], [role=alert], [role=dialog], [aria-expanded=true]').allInnerTexts()));
  }
  return parts.join('\n');
}

/** Nothing in the region is on its way any more (a write pressed last has reached the background's answer). */
async function settled(root: Locator, timeout = 15_000) {
  if ((await root.count()) === 0) return;
  await expect(root).not.toHaveAttribute('aria-busy', 'true', { timeout });
  await expect(root.locator('[aria-busy=true]')).toHaveCount(0, { timeout });
}

interface Control {
  region: 'bar' | 'panel';
  name: string;
  /** Among the region's buttons of that name. */
  nth: number;
  /** A ticket field of the panel: changed to its next value instead of pressed. */
  field?: boolean;
}

/** The panel's ticket fields, whose change is itself the action (a save). */
const TICKET_FIELDS = ['Status', 'Priority', 'Assignee'];

const nameOf = (button: Locator) => button.evaluate((b) => b.getAttribute('aria-label') ?? (b as HTMLElement).innerText.trim());

/** The region's buttons, split into those the agent may press and those that say why they cannot work. */
async function controlsOf(ui: Ui, region: 'bar' | 'panel'): Promise<{ enabled: Control[]; disabled: Locator[] }> {
  const root = regionOf(ui, region);
  await settled(root);
  const enabled: Control[] = [];
  const disabled: Locator[] = [];
  const seen = new Map<string, number>();
  for (const button of await root.getByRole('button').all()) {
    const name = await nameOf(button);
    const nth = seen.get(name) ?? 0;
    seen.set(name, nth + 1);
    if (await button.isEnabled()) enabled.push({ region, name, nth });
    else disabled.push(button);
  }
  disabled.push(...(await root.locator('select:disabled, input:disabled, textarea:disabled').all()));
  if (region === 'panel') {
    for (const name of TICKET_FIELDS) {
      const field = root.getByRole('combobox', { name: new RegExp(`^${name}`) });
      if ((await field.count()) === 1 && (await field.isEnabled())) enabled.push({ region, name, nth: 0, field: true });
    }
  }
  return { enabled, disabled };
}

/** Creating tickets changes what the next page offers: those buttons go last. */
const mutates = (c: Control) => /^Create/.test(c.name);

type Case = { name: string; connect: (context: Parameters<typeof connectExtension>[0], backend: Backend) => Promise<() => Promise<void>>; expectText?: RegExp };

const CASES: Case[] = [
  { name: 'connected', connect: async (context, backend) => (await connectExtension(context, backend.url, backend.tokens[AGENT]!), async () => undefined) },
  {
    name: 'backend unreachable',
    connect: async (context, backend) => {
      await connectExtension(context, backend.url, backend.tokens[AGENT]!);
      return () => backend.stop();
    },
    expectText: /Cannot reach the backend at http:\/\/127\.0\.0\.1:\d+|Saved on this computer/,
  },
  {
    name: 'token refused',
    connect: async (context, backend) => {
      const me = (await backend.api('GET', '/me', backend.tokens[AGENT]!)).body;
      const minted = await backend.api('POST', '/tokens', backend.tokens[ADMIN]!, { agentId: me.agent.id, label: 'no-silent-noop' });
      expect(minted.status, JSON.stringify(minted.body)).toBe(201);
      await connectExtension(context, backend.url, minted.body.token);
      return async () => {
        expect((await backend.api('DELETE', `/tokens/${minted.body.id}`, backend.tokens[ADMIN]!)).status).toBe(200);
      };
    },
    expectText: /The backend refused the API token \(401\)\. Paste a valid token on the options page\./,
  },
];

/** Every live ticket of the fixtures' mailbox, whoever made it (the bar and the panel create some); other files trash theirs. */
async function fixtureTickets(backend: Backend): Promise<TicketJson[]> {
  const live = await backend.liveTickets(backend.tokens[ADMIN]!);
  return live.filter((t) => t.webmailThreads.some((w) => w.mailbox === FIXTURE_MAILBOX));
}

test.afterEach(async ({ backend }) => {
  await trash(backend, await fixtureTickets(backend));
});

for (const fixture of FIXTURES) {
  for (const scenario of CASES) {
    test(`${fixture.name}, ${scenario.name}: every enabled control shows an outcome within 1 s, every disabled one says why`, async ({ backend, context, gmail, outlook }) => {
      test.setTimeout(240_000);
      const run = ++runs;
      const args: OpenArgs = { gmail, outlook, tag: `noop${run}`, run, gmailId: await gmailFixtures(context, run) };
      const made = await fixture.setup(backend, args);
      const breakIt = await scenario.connect(context, backend);
      const open = async () => {
        const ui = await fixture.open(args);
        await fixture.ready(ui, made);
        return ui;
      };

      try {
        // Connected while the backend answered (the ticket index is synced); then the outage or the revoked token begins.
        await breakIt();
        const first = await open();
        const controls: Control[] = [];
        for (const region of fixture.regions) {
          const { enabled, disabled } = await controlsOf(first, region);
          controls.push(...enabled);
          for (const control of disabled) await expect(control, `${region}: a disabled control without a reason`).toHaveAccessibleDescription(/\S/);
        }
        expect(controls.length, 'the page offers something to press').toBeGreaterThan(0);
        test.info().annotations.push({ type: 'pressed', description: controls.map((c) => `${c.region}: ${c.name}`).join(', ') });
        await first.page.close();

        for (const control of [...controls.filter((c) => !mutates(c)), ...controls.filter(mutates)]) {
          const ui = await open();
          const root = regionOf(ui, control.region);
          const target = control.field
            ? root.getByRole('combobox', { name: new RegExp(`^${control.name}`) })
            : root.getByRole('button', { name: control.name, exact: true }).nth(control.nth);
          await expect(target, `${control.region}: "${control.name}" is offered again`).toBeEnabled();
          const before = await snapshot(ui, fixture.regions);
          if (control.field) await target.selectOption({ index: await target.evaluate((s: HTMLSelectElement) => (s.selectedIndex + 1) % s.options.length) });
          else await target.click();
          await expect.poll(() => snapshot(ui, fixture.regions), { message: `${control.region}: "${control.name}" showed nothing within 1 s`, timeout: 1_000 }).not.toBe(before);
          if (scenario.expectText) {
            const said = ui.page.locator('inbox-desk-toolbar, inbox-desk-panel').getByText(scenario.expectText);
            await expect(said.first(), `${control.region}: "${control.name}" names the problem`).toBeVisible({ timeout: 20_000 });
          }
          // Whatever the press started ends before the page goes, so nothing it writes outlives the walk-through.
          for (const region of fixture.regions) await settled(regionOf(ui, region), 30_000);
          await ui.page.close();
        }
      } finally {
        if (scenario.name === 'backend unreachable') {
          // Writes queued during the outage die with this browser, not on the backend the next walk-through uses.
          await context.close();
          await backend.start();
        }
      }
    });
  }
}

test('Gmail inbox: a pressed control that cannot work shows its reason, and never acts', async ({ backend, context, connect, gmail }) => {
  const run = ++runs;
  const gmailId = await gmailFixtures(context, run);
  await gmailTicket(backend, gmailId(GMAIL_SELECTED[1]!), 'Merge needs two (no-silent-noop)');
  await connect(AGENT);
  const inbox = await gmail(`noop/${run}/gmail-inbox`);
  await inbox.bar.expectSummary(2, 1);
  // R-MERGE-2: one ticket in the selection cannot be merged; the button stays focusable and says so.
  const merge = inbox.bar.button('Merge', true);
  await expect(merge).toBeDisabled();
  await expect(merge).toHaveAccessibleDescription(/^Select at least 2 different tickets to merge/);
  await merge.click({ force: true });
  await expect(inbox.bar.root.getByRole('alert').filter({ hasText: /^Select at least 2 different tickets to merge/ })).toBeVisible({ timeout: 1_000 });
  await expect(inbox.page.getByRole('dialog', { name: /^Merge/ })).toHaveCount(0);
});
