import { expect, type Locator, type Page } from '@playwright/test';
import { MergeDialog } from './bulk-bar';

/** The secondary-contacts editor of the ticket panel (R-CC-*). */
export class CcEditor {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Secondary contacts (CC)' });
  }
  get input() {
    return this.root.getByRole('textbox', { name: 'Address, or search contacts by name' });
  }
  get list() {
    return this.root.getByRole('list', { name: 'Secondary contacts (CC)' });
  }
  get matches() {
    return this.root.getByRole('list', { name: 'Matching contacts' });
  }
  get status() {
    return this.root.getByRole('status');
  }
  get alert() {
    return this.root.getByRole('alert');
  }
  async add(address: string) {
    await this.input.fill(address);
    await this.root.getByRole('button', { name: 'Add', exact: true }).click();
  }
  async remove(label: string) {
    await this.root.getByRole('button', { name: `Remove ${label}` }).click();
  }
  /** "n of 20" (R-CC-2). */
  async expectCount(count: number) {
    await expect(this.root).toContainText(new RegExp(`(?<!\\d)${count} of 20`));
  }
}

/** The ticket panel beside an open conversation, in Gmail and Outlook. */
export class TicketPanel {
  readonly cc: CcEditor;
  constructor(readonly page: Page) {
    this.cc = new CcEditor(page);
  }
  /** The whole panel, with every control and message it shows. */
  get root() {
    return this.page.locator('inbox-desk-panel section.panel');
  }
  heading(number: number) {
    return this.page.getByRole('heading', { name: `Ticket #${number}`, exact: true });
  }
  async expectTicket(number: number) {
    await expect(this.heading(number)).toBeVisible();
  }
  get createButton() {
    return this.page.getByRole('button', { name: 'Create ticket' });
  }
  /** Presses "Create ticket" and answers the number of the ticket the panel then shows. */
  async create(): Promise<number> {
    await this.createButton.click();
    const heading = this.page.getByRole('heading', { name: /^Ticket #\d+$/ });
    await expect(heading).toBeVisible();
    return Number(/^Ticket #(\d+)$/.exec((await heading.textContent())!.trim())![1]);
  }
  get department() {
    return this.page.getByLabel('Department');
  }
  get status() {
    return this.page.getByLabel('Status');
  }
  get priority() {
    return this.page.getByLabel('Priority');
  }
  /** A status line of the panel, by its whole text. */
  notice(text: string) {
    return this.page.getByRole('status').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }
  /** The change reached the server. */
  get saved() {
    return this.notice('Saved');
  }
  /** The change waits in the outbox (R-OUTBOX). */
  get queued() {
    return this.notice('Saved on this computer; it will reach the server when it is reachable again.');
  }
  timelineSummary(messages: number, comments: number) {
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return this.page.getByText(`Timeline: ${count(messages, 'message')} · ${count(comments, 'comment')}`);
  }
  get timeline() {
    return this.page.locator('.ticket-timeline');
  }
  otherTickets(count: number) {
    return this.page.getByRole('region', { name: `Other tickets from this contact (${count})` });
  }
  mergeDialog(count: number) {
    return new MergeDialog(this.page, count);
  }
  get ratings() {
    return this.page.getByRole('region', { name: 'Satisfaction ratings' });
  }
  get receipts() {
    return this.page.getByRole('region', { name: 'Read receipts' });
  }
}
