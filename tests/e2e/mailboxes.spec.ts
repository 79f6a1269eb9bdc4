import { createServer, type AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { ImapPeer, imapUnavailable } from '../server/mail/imap-peer';
import { ADMIN, AGENT, expect, test } from './harness';

/** A port nothing listens on: bound once to learn a free number, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const supportMailboxes = (options: Page) => options.getByRole('region', { name: 'Mailboxes' }).getByRole('group', { name: 'Support' });

test('an admin adds a mailbox, sees a failed test explained, edits it and deletes it; agents never see the section', async ({ connect, context, extensionId }) => {
  await connect(ADMIN);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#departments`);
  const support = supportMailboxes(options);
  await expect(support).toContainText('No mailbox yet');
  await support.getByRole('button', { name: 'Add mailbox' }).click();
  const form = support.getByRole('form', { name: 'New mailbox' });
  await form.getByRole('button', { name: 'Microsoft 365' }).click();
  await expect(form.getByLabel('Server (host)')).toHaveValue('outlook.office365.com');
  await expect(form.getByLabel('Sign in with')).toHaveValue('oauth2');

  const port = await closedPort();
  await form.getByLabel('Server (host)').fill('127.0.0.1');
  await form.getByLabel('Port', { exact: true }).fill(String(port));
  await form.getByRole('checkbox', { name: /TLS/ }).uncheck();
  await form.getByLabel('User name').fill('helpdesk@demo.example');
  await form.getByLabel('Access token').fill('oauth-token-never-shown');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('The connection failed: Server unreachable (ECONNREFUSED)');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(support.getByRole('status')).toHaveText('Mailbox helpdesk@demo.example saved.');
  const item = support.getByRole('listitem').filter({ hasText: 'helpdesk@demo.example' });
  await expect(item).toContainText(`127.0.0.1:${port} · INBOX`);
  await expect(item).toContainText(/Not read yet|Last read/);

  // The secret stays on the server; moving the mailbox to another server asks for it again.
  await item.getByRole('button', { name: 'Edit' }).click();
  const edit = support.getByRole('form', { name: 'Edit mailbox' });
  await expect(edit.getByLabel('Access token')).toHaveValue('');
  await expect(edit.getByLabel('Access token')).toHaveAccessibleDescription('Leave empty to keep the saved one.');
  await edit.getByLabel('Folder').fill('Support');
  await edit.getByLabel('Server (host)').fill('imap.elsewhere.example');
  await expect(edit.getByLabel('Access token')).toHaveAccessibleDescription(/^Enter it again/);
  await expect(edit.getByRole('button', { name: 'Save' })).toBeDisabled();
  await edit.getByLabel('Server (host)').fill('127.0.0.1');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(item).toContainText(`127.0.0.1:${port} · Support`);

  await item.getByRole('button', { name: 'Recent messages' }).click();
  await expect(item).toContainText('Nothing read yet.');
  await item.getByRole('button', { name: 'Delete' }).click();
  await item.getByRole('group', { name: 'Delete helpdesk@demo.example?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(support.getByRole('status')).toHaveText('Mailbox helpdesk@demo.example deleted.');
  await expect(support).toContainText('No mailbox yet');

  await connect(AGENT);
  await options.reload();
  await expect(options.getByText('Connected as')).toContainText(AGENT);
  await expect(options.getByRole('region', { name: 'Mailboxes' })).toHaveCount(0);
});

test('an admin sets whether replies reopen tickets and the attachment limit, per department', async ({ connect, context, extensionId }) => {
  await connect(ADMIN);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#departments`);
  const settings = supportMailboxes(options).getByRole('form', { name: 'Incoming mail' });
  await expect(settings.getByLabel('Largest attachment')).toHaveValue('10');
  await settings.getByLabel("A customer's e-mail reopens a closed ticket").uncheck();
  await settings.getByLabel('Largest attachment').fill('512');
  await settings.getByLabel('Unit').selectOption('KB');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status')).toHaveText('Support: incoming mail settings saved.');
  await options.reload();
  const reloaded = supportMailboxes(options).getByRole('form', { name: 'Incoming mail' });
  await expect(reloaded.getByLabel('Largest attachment')).toHaveValue('512');
  await expect(reloaded.getByLabel('Unit')).toHaveValue('KB');
  await expect(reloaded.getByLabel("A customer's e-mail reopens a closed ticket")).not.toBeChecked();
});

test.describe('against a real IMAP server', () => {
  test.skip(imapUnavailable !== null, imapUnavailable ?? '');
  const peer = new ImapPeer();
  test.beforeAll(() => peer.start());
  test.afterAll(() => peer.close());

  test('Test connection signs in and lists the folders', async ({ connect, context, extensionId }) => {
    await connect(ADMIN);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html#departments`);
    const support = supportMailboxes(options);
    await support.getByRole('button', { name: 'Add mailbox' }).click();
    const form = support.getByRole('form', { name: 'New mailbox' });
    await form.getByLabel('Server (host)').fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill(String(peer.port));
    await form.getByRole('checkbox', { name: /TLS/ }).uncheck();
    await form.getByLabel('User name').fill(peer.username);
    await form.getByLabel('Password', { exact: true }).fill(peer.password);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('status')).toContainText('The connection works.');
    await expect(form.getByRole('status')).toContainText('Folders: INBOX');
  });
});
