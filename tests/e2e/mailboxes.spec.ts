import { createServer, type AddressInfo } from 'node:net';
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

test('an admin adds a mailbox, sees a failed test explained, edits it and deletes it; agents never see the section', async ({ connect, options: open }) => {
  await connect(ADMIN);
  const options = await open('departments');
  const support = options.mailboxes('Support');
  await expect(support).toContainText('No mailbox yet');
  await support.getByRole('button', { name: 'Add mailbox' }).click();
  const form = options.mailboxForm('Support', 'New mailbox');
  await form.preset('Microsoft 365').click();
  await expect(form.host).toHaveValue('outlook.office365.com');
  await expect(form.signInWith).toHaveValue('oauth2');

  const port = await closedPort();
  await form.local(port);
  await form.username.fill('helpdesk@demo.example');
  await form.accessToken.fill('oauth-token-never-shown');
  await form.testConnection();
  await expect(form.status).toContainText('The connection failed: Server unreachable (ECONNREFUSED)');
  await form.save.click();
  await expect(support.getByRole('status')).toHaveText('Mailbox helpdesk@demo.example saved.');
  const item = support.getByRole('listitem').filter({ hasText: 'helpdesk@demo.example' });
  await expect(item).toContainText(`127.0.0.1:${port} · INBOX`);
  // Just saved, it has never been read (the backend picks new mailboxes up within a minute, the list shows the saved one).
  await expect(item.getByText('Not read yet', { exact: true })).toBeVisible();
  await expect(item.getByText(/^Last (read|error): /)).toHaveCount(0);

  // The secret stays on the server; moving the mailbox to another server asks for it again.
  await item.getByRole('button', { name: 'Edit' }).click();
  const edit = options.mailboxForm('Support', 'Edit mailbox');
  await expect(edit.accessToken).toHaveValue('');
  await expect(edit.accessToken).toHaveAccessibleDescription('Leave empty to keep the saved one.');
  await edit.folder.fill('Support');
  await edit.host.fill('imap.elsewhere.example');
  await expect(edit.accessToken).toHaveAccessibleDescription('Enter it again: the saved one is only sent to the server, port and TLS setting it was saved for.');
  await expect(edit.save).toBeDisabled();
  await edit.host.fill('127.0.0.1');
  await edit.save.click();
  await expect(item).toContainText(`127.0.0.1:${port} · Support`);

  await item.getByRole('button', { name: 'Recent messages' }).click();
  await expect(item).toContainText('Nothing read yet.');
  await item.getByRole('button', { name: 'Delete' }).click();
  await item.getByRole('group', { name: 'Delete helpdesk@demo.example?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(support.getByRole('status')).toHaveText('Mailbox helpdesk@demo.example deleted.');
  await expect(support).toContainText('No mailbox yet');

  await connect(AGENT);
  await options.page.reload();
  await expect(options.connectedAs).toContainText(AGENT);
  await expect(options.mailboxesRegion).toHaveCount(0);
});

test('an admin sets whether replies reopen tickets and the attachment limit, per department', async ({ connect, options: open }) => {
  await connect(ADMIN);
  const options = await open('departments');
  const settings = options.incomingMail('Support');
  await expect(settings.getByLabel('Largest attachment')).toHaveValue('10');
  await settings.getByLabel("A customer's e-mail reopens a closed ticket").uncheck();
  await settings.getByLabel('Largest attachment').fill('512');
  await settings.getByLabel('Unit').selectOption('KB');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status')).toHaveText('Support: incoming mail settings saved.');
  await options.page.reload();
  const reloaded = options.incomingMail('Support');
  await expect(reloaded.getByLabel('Largest attachment')).toHaveValue('512');
  await expect(reloaded.getByLabel('Unit')).toHaveValue('KB');
  await expect(reloaded.getByLabel("A customer's e-mail reopens a closed ticket")).not.toBeChecked();
});

test.describe('against a real IMAP server', () => {
  test.skip(imapUnavailable !== null, imapUnavailable ?? '');
  const peer = new ImapPeer();
  test.beforeAll(() => peer.start());
  test.afterAll(() => peer.close());

  test('Test connection signs in and lists the folders', async ({ connect, options: open }) => {
    await connect(ADMIN);
    const options = await open('departments');
    const support = options.mailboxes('Support');
    await support.getByRole('button', { name: 'Add mailbox' }).click();
    const form = options.mailboxForm('Support', 'New mailbox');
    await form.local(peer.port);
    await form.username.fill(peer.username);
    await form.password.fill(peer.password);
    await form.testConnection();
    await expect(form.status).toContainText('The connection works.');
    await expect(form.status).toContainText('Folders: INBOX');
  });
});
