import { expect, type Locator, type Page } from '@playwright/test';

/** "1 ticket", "2 tickets": the English plural the UI uses. */
const tickets = (count: number | string) => `${count} ticket${String(count) === '1' ? '' : 's'}`;

/** The pre-check sheet every bulk or mass job opens ("Check before running"): in the bar and in the popup. */
export class JobSheet {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: 'Check before running' });
  }
  /** Bulk: the one button that starts the job after the pre-check text. */
  get runIt() {
    return this.root.getByRole('button', { name: 'Run it' });
  }
  /** Mass: the button that asks the backend how many tickets the view holds now. */
  get precheck() {
    return this.root.getByRole('button', { name: 'Check before running' });
  }
  /** Mass: the count typed back (R-BULK). */
  get typedCount() {
    return this.root.getByTestId('mass-typed-count');
  }
  runOn(count: string) {
    return this.root.getByRole('button', { name: `Run on ${tickets(count)}` });
  }
  get cancel() {
    return this.root.getByRole('button', { name: 'Cancel' });
  }
  field(label: string) {
    return this.root.getByLabel(label);
  }
}

/** The bulk reply composer (R-REPLY-*), opened from the bar for `count` tickets. */
export class ReplyComposer {
  readonly root: Locator;
  constructor(page: Page, count: number) {
    this.root = page.getByRole('dialog', { name: `Bulk reply to ${tickets(count)}` });
  }
  get template() {
    return this.root.getByLabel('Template');
  }
  get subject() {
    return this.root.getByLabel('Subject');
  }
  get message() {
    return this.root.getByLabel('Message');
  }
  get sample() {
    return this.root.getByTestId('reply-sample');
  }
  /** The CC list of the previewed ticket: each address a checkbox, for this reply only (R-CC-7). */
  get sampleCc() {
    return this.sample.getByRole('group', { name: 'CC' });
  }
  get undo() {
    return this.root.getByRole('button', { name: 'Undo' });
  }
  async preview() {
    await this.root.getByRole('button', { name: 'Check and preview' }).click();
  }
  async send(count: number) {
    await this.root.getByRole('button', { name: `Send to ${tickets(count)}` }).click();
  }
  /** After the undo window: how many of the job's recipients the SMTP server accepted. */
  async expectDelivered(delivered: number, total: number) {
    await expect(this.root).toContainText(`${delivered} of ${total} recipient${total === 1 ? '' : 's'} delivered`, { timeout: 30_000 });
  }
}

/** The merge dialog (R-MERGE-*) for `count` tickets, from the bar or from the ticket panel. */
export class MergeDialog {
  readonly root: Locator;
  constructor(page: Page, count: number) {
    this.root = page.getByRole('dialog', { name: `Merge ${tickets(count)}` });
  }
  get primary() {
    return this.root.getByRole('group', { name: 'Primary ticket' });
  }
  /** The "Keep which value?" choice of one field, by its label ("Subject", "Priority" …). */
  field(name: string) {
    return this.root.getByRole('group', { name });
  }
  after(number: number) {
    return this.root.getByRole('region', { name: `Ticket #${number} after merging` });
  }
  timeline(entries: number) {
    return this.root.getByRole('region', { name: `Timeline after merging (${entries} entries)` });
  }
  get understood() {
    return this.root.getByRole('checkbox', { name: 'I understand that merging cannot be undone' });
  }
  confirm(number: number) {
    return this.root.getByRole('button', { name: `Merge into #${number}` });
  }
  get status() {
    return this.root.getByRole('status');
  }
  get alert() {
    return this.root.getByRole('alert');
  }
  async continue() {
    await this.root.getByRole('button', { name: 'Continue' }).click();
  }
  /** Continue, tick the "cannot be undone" box and merge into `number` (R-MERGE-8). */
  async mergeInto(number: number) {
    await this.continue();
    await this.understood.check();
    await this.confirm(number).click();
  }
  async reloadPreview() {
    await this.root.getByRole('button', { name: 'Reload the preview' }).click();
  }
}

/** The selection bar our content script adds to Gmail and Outlook, with what it opens. */
export class BulkBar {
  readonly root: Locator;
  readonly sheet: JobSheet;
  constructor(readonly page: Page) {
    this.root = page.getByRole('toolbar', { name: 'Inbox Desk' });
    this.sheet = new JobSheet(page);
  }
  button(name: string, exact = false) {
    return this.root.getByRole('button', { name, exact });
  }
  get agent() {
    return this.root.getByLabel('Agent');
  }
  get massView() {
    return this.root.getByTestId('mass-view');
  }
  /** "n selected · m tickets" */
  async expectSummary(selected: number, tickets: number) {
    await expect(this.root).toContainText(new RegExp(`(?<!\\d)${selected} selected · ${tickets} ticket${tickets === 1 ? '' : 's'}`));
  }
  /** The result line a finished job leaves in the bar. */
  async expectDone(changed: number, failed: number, timeout = 30_000) {
    await expect(this.root.getByRole('status').filter({ hasText: `Done: ${changed} changed, ${failed} failed` })).toBeVisible({ timeout });
  }
  /** Presses an operation's button and answers the pre-check sheet it opens. */
  async start(operation: string): Promise<JobSheet> {
    await this.button(operation, true).click();
    return this.sheet;
  }
  replyComposer(count: number) {
    return new ReplyComposer(this.page, count);
  }
  async openReply(count: number): Promise<ReplyComposer> {
    await this.button(`Reply to ${tickets(count)}`).click();
    return this.replyComposer(count);
  }
  async openMerge(count: number): Promise<MergeDialog> {
    await this.button('Merge', true).click();
    return new MergeDialog(this.page, count);
  }
}
