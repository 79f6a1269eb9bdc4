import type { BrowserContext, Page } from '@playwright/test';
import { JobSheet } from './bulk-bar';

/** The extension's popup: dashboard, job history and mass actions. */
export class Popup {
  readonly sheet: JobSheet;
  private constructor(readonly page: Page) {
    this.sheet = new JobSheet(page);
  }

  static async open(context: BrowserContext, extensionId: string): Promise<Popup> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new Popup(page);
  }

  tab(name: string) {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** The Jobs tab, filtered as asked. */
  async openJobs(filter: { mode?: 'bulk' | 'mass'; state?: 'Completed'; operation?: string } = {}) {
    await this.tab('Jobs').click();
    if (filter.mode) await this.page.getByTestId('jobs-mode').selectOption(filter.mode);
    if (filter.state) await this.tab(filter.state).click();
    if (filter.operation) await this.operationFilter.selectOption(filter.operation);
  }
  /** The job history's operation filter. */
  get operationFilter() {
    return this.page.getByLabel('Operation');
  }
  /** Entries of the job history (and of the dashboard's lists) whose text holds `text`. */
  jobs(text: string) {
    return this.page.getByRole('listitem').filter({ hasText: text });
  }

  // Mass actions
  async openMass() {
    await this.tab('Mass actions').click();
  }
  get massDepartment() {
    return this.page.getByTestId('mass-department');
  }
  get massView() {
    return this.page.getByTestId('mass-view');
  }
  selectAll(count: string) {
    return this.page.getByRole('button', { name: `Select all ${count} tickets in this view` });
  }
  get clearSelection() {
    return this.page.getByRole('button', { name: 'Clear selection' });
  }
  operation(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  // Dashboard
  get dashboardReady() {
    return this.page.getByTestId('dashboard-ready');
  }
  openTickets(count: number) {
    return this.page.getByRole('heading', { name: `Open tickets: ${count}`, exact: true });
  }
  get chart() {
    return this.page.getByRole('img', { name: /^Tickets created and closed per day, last 14 days/ });
  }
  get waiting() {
    return this.page.getByTestId('dashboard-waiting');
  }
}
