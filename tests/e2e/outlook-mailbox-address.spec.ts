import type { TicketJson } from './backend';
import { trash } from './data';
import { AGENT, expect, test } from './harness';
import { OutlookInbox } from './pages/outlook-inbox';

/** This walk-through's own copy of the fixture: its conversation ids answer for no other walk-through's ticket. */
const TAG = 'mailboxask';
/** "Order missing" from Alice, open in outlook-cloud.html. */
const OPEN = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAC1oUdCl0UdBmQ0r7lQyCmA=';
const UNKNOWN = "Inbox Desk could not read this mailbox's address — set it";

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Outlook on outlook.cloud.microsoft without the mailbox address on the page: the panel asks once, remembers it, and the ticket has that mailbox', async ({
  backend,
  connect,
  context,
  options,
}) => {
  await connect(AGENT);
  const conversation = OPEN.replace(/=$/, `${TAG}=`);
  const inbox = await OutlookInbox.open(context, TAG, { fixture: 'outlook-cloud.html', host: 'outlook.cloud.microsoft' });

  // Issue 19, items 10 and 14: never an enabled button that does nothing; it says why and how to fix it.
  await expect(inbox.page.getByText(UNKNOWN).first()).toBeVisible();
  await expect(inbox.panel.createButton).toBeDisabled();
  await expect(inbox.panel.createButton).toHaveAttribute('title', /could not read this mailbox's address from the page\. Set it/);

  const address = inbox.page.getByLabel("This mailbox's address");
  await address.fill('not an address');
  await inbox.page.getByRole('button', { name: 'Remember this address' }).click();
  await expect(inbox.page.getByRole('alert')).toContainText("Enter the mailbox's e-mail address");
  await address.fill('Support@Acme.test');
  await inbox.page.getByRole('button', { name: 'Remember this address' }).click();
  await expect(inbox.panel.createButton).toBeEnabled();
  await expect(inbox.page.getByText(UNKNOWN)).toHaveCount(0);

  // Remembered for this account: a reload does not ask again.
  await inbox.page.reload();
  await expect(inbox.panel.createButton).toBeEnabled();
  await expect(inbox.page.getByText(UNKNOWN)).toHaveCount(0);

  const number = await inbox.panel.create();
  const tickets = await backend.liveTickets(backend.tokens[AGENT]!);
  const created = tickets.find((t) => t.number === number)!;
  cleanup = [created];
  expect(created.webmailThreads).toEqual([expect.objectContaining({ provider: 'outlook', mailbox: 'support@acme.test', threadId: conversation })]);

  // The options page shows what was remembered for the account, and changes it.
  const settings = await options('preferences');
  const remembered = settings.page.getByLabel('Account: Acme Support');
  await expect(remembered).toHaveValue('support@acme.test');
  await remembered.fill('help@acme.test');
  await settings.page.getByRole('button', { name: 'Save', exact: true }).last().click();
  await expect(settings.page.getByText('Address saved.')).toBeVisible();
  await inbox.page.reload();
  await expect(inbox.page.getByText(UNKNOWN)).toHaveCount(0);
  await expect(inbox.panel.createButton).toBeEnabled();
});
