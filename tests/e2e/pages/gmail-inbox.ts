import type { Page } from '@playwright/test';
import { BulkBar } from './bulk-bar';
import { TicketPanel } from './ticket-panel';

/** The mailbox the harness serves under mail.google.com: the backend's demo Gmail. */
export const GMAIL_MAILBOX = 'support@demo.example';

/** Gmail's inbox list and open conversation, with what our content script adds to them. */
export class GmailInbox {
  readonly bar: BulkBar;
  readonly panel: TicketPanel;
  constructor(readonly page: Page) {
    this.bar = new BulkBar(page);
    this.panel = new TicketPanel(page);
  }
  static url(search = '') {
    return `https://mail.google.com/mail/u/0/${search}`;
  }
  /** The inbox list ('') or a conversation ('?thread=…') or a fixture ('fixture/<name>'). */
  async goto(search = '') {
    await this.page.goto(GmailInbox.url(search));
  }
  get rows() {
    return this.page.locator('tr.zA');
  }
  /** Our badge hosts; Playwright pierces their open shadow roots. */
  get badges() {
    return this.page.locator('inbox-desk-badge');
  }
  row(threadId: string) {
    return this.rows.filter({ has: this.page.locator(`[data-legacy-thread-id="${threadId}"]`) });
  }
  badge(threadId: string) {
    return this.row(threadId).locator('inbox-desk-badge');
  }
  async select(...threadIds: string[]) {
    for (const id of threadIds) await this.row(id).locator('[role=checkbox]').click();
  }
  /** Every conversation id the list shows, top to bottom. */
  threadIds(): Promise<string[]> {
    return this.page.locator('tr.zA [data-legacy-thread-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-legacy-thread-id')!));
  }
  async backToInbox() {
    await this.page.getByRole('button', { name: 'Back to Inbox' }).click();
  }
  /** The read-receipt marks beside the messages of the open conversation (R-RCPT-7). */
  get receiptMarks() {
    return this.page.locator('inbox-desk-receipt');
  }
  get limitedMode() {
    return this.page.getByText('Inbox Desk: limited mode');
  }
}
