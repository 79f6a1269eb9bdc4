import type { BrowserContext, Locator, Page } from '@playwright/test';

/** A mailbox form of a department's Mailboxes group: "New mailbox" or "Edit mailbox". */
export class MailboxForm {
  readonly root: Locator;
  constructor(group: Locator, name: 'New mailbox' | 'Edit mailbox') {
    this.root = group.getByRole('form', { name });
  }
  preset(name: string) {
    return this.root.getByRole('button', { name });
  }
  get host() {
    return this.root.getByLabel('Server (host)');
  }
  get port() {
    return this.root.getByLabel('Port', { exact: true });
  }
  get tls() {
    return this.root.getByRole('checkbox', { name: /TLS/ });
  }
  get signInWith() {
    return this.root.getByLabel('Sign in with');
  }
  get username() {
    return this.root.getByLabel('User name');
  }
  get password() {
    return this.root.getByLabel('Password', { exact: true });
  }
  get accessToken() {
    return this.root.getByLabel('Access token');
  }
  get folder() {
    return this.root.getByLabel('Folder');
  }
  get save() {
    return this.root.getByRole('button', { name: 'Save' });
  }
  get status() {
    return this.root.getByRole('status');
  }
  /** A plain-IMAP server on this machine: host, port, no TLS. */
  async local(port: number) {
    await this.host.fill('127.0.0.1');
    await this.port.fill(String(port));
    await this.tls.uncheck();
  }
  async testConnection() {
    await this.root.getByRole('button', { name: 'Test connection' }).click();
  }
}

/** The extension's options page: connection, outbox, and the admin sections. */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, section = ''): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html${section ? `#${section}` : ''}`);
    return new OptionsPage(page);
  }

  // Connection
  get backendUrl() {
    return this.page.getByLabel('Backend URL');
  }
  get apiToken() {
    return this.page.getByLabel('API token');
  }
  get testConnection() {
    return this.page.getByRole('button', { name: 'Test connection' });
  }
  get alert() {
    return this.page.getByRole('alert');
  }
  get connectedAs() {
    return this.page.getByText('Connected as');
  }

  // Outbox
  pending(text: string) {
    return this.page.getByText(text);
  }
  get outboxEmpty() {
    return this.page.getByText('Every change has reached the server.');
  }

  // Roles
  get roles() {
    return this.page.getByRole('region', { name: 'Roles and permissions' });
  }

  // Departments: features
  get features() {
    return this.page.getByRole('region', { name: 'Receipts, help center and CC' });
  }
  /** The help center and CC switches of one department. */
  featureSwitches(department: string) {
    return this.features.getByRole('group', { name: department });
  }

  // Departments: mailboxes
  get mailboxesRegion() {
    return this.page.getByRole('region', { name: 'Mailboxes' });
  }
  mailboxes(department: string) {
    return this.mailboxesRegion.getByRole('group', { name: department });
  }
  mailboxForm(department: string, name: 'New mailbox' | 'Edit mailbox') {
    return new MailboxForm(this.mailboxes(department), name);
  }
  /** The per-department "Incoming mail" settings form. */
  incomingMail(department: string) {
    return this.mailboxes(department).getByRole('form', { name: 'Incoming mail' });
  }
}
