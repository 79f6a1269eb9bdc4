import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { BulkBar } from './bulk-bar';
import { TicketPanel } from './ticket-panel';

const FIXTURES = path.resolve(import.meta.dirname, '../../webmail/fixtures');
/** The mailbox the Outlook fixture belongs to. */
export const OUTLOOK_MAILBOX = 'support@acme.test';

/** Conversations of the fixture, by what they are there. */
const FIXTURE_IDS = {
  /** "Order missing" from Alice, Tue 11/3/2026 10:42 AM: open in the reading pane, and selected. */
  open: 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAB1cKq7mUxNPkY0xT3r9O2Q=',
  /** The other selected row. */
  selected: 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAPo4n1Jr3FxEjv8a2Yc1WkE=',
} as const;

/**
 * The Outlook fixture under a path of its own, every conversation id carrying `tag`: a walk-through's
 * conversations are then its own on the shared backend, and nothing another one linked answers for them.
 */
export class OutlookInbox {
  readonly bar: BulkBar;
  readonly panel: TicketPanel;
  private constructor(
    readonly page: Page,
    readonly tag: string,
  ) {
    this.bar = new BulkBar(page);
    this.panel = new TicketPanel(page);
  }

  /** The fixture's conversation id as this walk-through's page carries it. */
  static conversation(which: keyof typeof FIXTURE_IDS, tag: string) {
    return FIXTURE_IDS[which].replace(/=$/, `${tag}=`);
  }

  /** The fixture (outlook-inbox.html unless named) served on an Outlook host (outlook.office.com unless named). */
  static async open(context: BrowserContext, tag: string, layout: { fixture?: string; host?: string } = {}): Promise<OutlookInbox> {
    if (!/^[A-Za-z0-9]+$/.test(tag)) throw new Error(`An Outlook tag is letters and digits: ${tag}`);
    const { fixture = 'outlook-inbox.html', host = 'outlook.office.com' } = layout;
    const html = readFileSync(path.join(FIXTURES, fixture), 'utf8').replace(/data-convid="([^"]+)="/g, `data-convid="$1${tag}="`);
    for (const id of fixture === 'outlook-inbox.html' ? Object.values(FIXTURE_IDS) : []) {
      if (!html.includes(id.replace(/=$/, `${tag}=`))) throw new Error(`The Outlook fixture no longer holds ${id}`);
    }
    await context.route(`https://${host}/mail/${tag}`, (route) => route.fulfill({ body: html, headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
    const page = await context.newPage();
    await page.goto(`https://${host}/mail/${tag}`);
    return new OutlookInbox(page, tag);
  }

  conversation(which: keyof typeof FIXTURE_IDS) {
    return OutlookInbox.conversation(which, this.tag);
  }
  row(convId: string) {
    return this.page.locator(`[role=option][data-convid="${convId}"]`);
  }
  badge(convId: string) {
    return this.row(convId).locator('inbox-desk-badge');
  }
  get badges() {
    return this.page.locator('inbox-desk-badge');
  }
}
