import type { Backend, TicketJson } from './backend';
import { ADMIN, AGENT, expect, test } from './harness';

const MAILBOX = 'support@demo.example';
const THREAD = '19a0c0ffee00c001';
const CUSTOMER = { email: 'carla.copy@mailbox.example', name: 'Carla Copy' };
const COLLEAGUE = 'diego.colleague@mailbox.example';
const EXISTING = { email: 'erin.existing@mailbox.example', name: 'Erin Existing' };

async function departmentId(backend: Backend, name: string): Promise<number> {
  const me = (await backend.api('GET', '/me', backend.tokens[ADMIN]!)).body;
  return me.departments.find((d: { departmentName: string }) => d.departmentName === name).departmentId;
}

const setFeatures = async (backend: Backend, department: number, features: Record<string, unknown>) =>
  expect((await backend.api('PATCH', `/departments/${department}/features`, backend.tokens[ADMIN]!, features)).status).toBe(200);

/** A Support ticket from CUSTOMER on its own conversation of the demo Gmail mailbox. */
async function ticketOn(backend: Backend, threadId: string, subject: string): Promise<TicketJson> {
  const created = await backend.api<TicketJson>('POST', '/tickets', backend.tokens[ADMIN]!, {
    departmentId: await departmentId(backend, 'Support'),
    channel: 'email',
    subject,
    contact: CUSTOMER,
    webmailThread: { provider: 'gmail', mailbox: MAILBOX, threadId },
    firstThread: { from: `${CUSTOMER.name} <${CUSTOMER.email}>`, to: [MAILBOX], subject, bodyText: 'Diego should get your answers too.' },
  });
  expect(created.status).toBe(201);
  return created.body;
}

let cleanup: TicketJson | null = null;
test.afterEach(async ({ backend }) => {
  if (!cleanup) return;
  // Other walk-throughs share this backend and pick rows from the top of the list: take ours away again.
  const token = backend.tokens[ADMIN]!;
  const job = await backend.api('POST', '/jobs', token, { operation: 'delete', payload: {}, ticketIds: [cleanup.id], departmentId: cleanup.departmentId });
  expect(job.status).toBe(202);
  await expect.poll(async () => (await backend.api('GET', `/jobs/${job.body.id}`, token)).body.status, { timeout: 30_000 }).toBe('completed');
  cleanup = null;
});

test('Gmail: an admin turns on the help center and CC for Support, then adds secondary contacts in the ticket panel; an agent\'s address is refused by name (R-CC-1..4)', async ({
  backend,
  connect,
  context,
  extensionId,
  gmail,
}) => {
  const token = backend.tokens[ADMIN]!;
  const support = await departmentId(backend, 'Support');
  // The demo has both on in Support: start from off, as a new department would.
  await setFeatures(backend, support, { cc: false });
  await setFeatures(backend, support, { helpCenter: false });

  const ticket = await ticketOn(backend, THREAD, 'Please copy my colleague');
  cleanup = ticket;
  expect((await backend.api('POST', '/contacts', backend.tokens[AGENT]!, EXISTING)).status).toBe(201);

  await connect(ADMIN);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#departments`);
  const section = options.getByRole('region', { name: 'Receipts, help center and CC' });
  const switches = section.getByRole('group', { name: 'Support' });
  const helpCenter = switches.getByRole('checkbox', { name: 'Help center', exact: true });
  const cc = switches.getByRole('checkbox', { name: 'Secondary contacts (CC)', exact: true });
  // R-CC-1: CC waits for the help center, and says why.
  await expect(cc).toBeDisabled();
  await expect(cc).toHaveAccessibleDescription(/^R-CC-1: Turn the help center on first/);
  await helpCenter.check();
  await expect(section.getByRole('status')).toHaveText('Support: Help center turned on.');
  await cc.check();
  await expect(section.getByRole('status')).toHaveText('Support: Secondary contacts (CC) turned on.');
  await expect(switches.getByRole('checkbox', { name: 'Customers may add CCs in the help center' })).toBeEnabled();
  // The server refuses leaving CC without its help center; the switch stays as the server has it.
  await helpCenter.click();
  await expect(section.getByRole('alert')).toContainText('R-CC-1: ');
  await expect(helpCenter).toBeChecked();
  expect((await backend.api('GET', `/departments/${support}`, token)).body).toMatchObject({ helpCenter: true, features: { cc: true } });

  const page = await gmail(`?thread=${THREAD}`);
  await expect(page.getByRole('heading', { name: `Ticket #${ticket.number}` })).toBeVisible();
  const editor = page.getByRole('region', { name: 'Secondary contacts (CC)' });
  await expect(editor).toContainText('0 of 20');
  const input = editor.getByRole('textbox', { name: 'Address, or search contacts by name' });

  // R-CC-4: a typed address becomes a new contact.
  await input.fill(COLLEAGUE);
  await editor.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(editor.getByRole('status')).toHaveText('Secondary contacts saved.');
  await expect(editor.getByRole('list', { name: 'Secondary contacts (CC)' })).toContainText(COLLEAGUE);
  await expect(editor).toContainText('1 of 20');
  await expect(input).toHaveValue('');

  // R-CC-4: or an existing contact is picked from the search.
  await input.fill('Erin Ex');
  await editor.getByRole('list', { name: 'Matching contacts' }).getByRole('button', { name: `${EXISTING.name} <${EXISTING.email}>` }).click();
  await expect(editor.getByRole('list', { name: 'Secondary contacts (CC)' }).getByRole('listitem')).toHaveCount(2);
  await expect(editor).toContainText('2 of 20');
  const stored = (await backend.api('GET', `/tickets/${ticket.id}/secondary-contacts`, token)).body;
  expect(stored.contacts.map((c: { email: string }) => c.email)).toEqual([COLLEAGUE, EXISTING.email]);

  // R-CC-3: an agent's address is refused, named with its reason; the list stays as it was.
  await input.fill('agent@demo.example');
  await editor.getByRole('button', { name: 'Add', exact: true }).click();
  const refused = editor.getByRole('alert');
  await expect(refused).toContainText('agent@demo.example');
  await expect(refused).toContainText("R-CC-3: agent@demo.example cannot be a secondary contact: it is an agent's address.");
  await expect(editor).toContainText('2 of 20');

  // The new contact is named after its address until someone names it.
  await editor.getByRole('button', { name: `Remove diego.colleague <${COLLEAGUE}>` }).click();
  await expect(editor.getByRole('list', { name: 'Secondary contacts (CC)' }).getByRole('listitem')).toHaveCount(1);
  await expect(editor).toContainText('1 of 20');
});

test('Gmail: a reply to one ticket lists its CCs; one left out gets no copy and stays on the ticket (R-CC-7)', async ({ backend, connect, gmail }) => {
  const token = backend.tokens[ADMIN]!;
  const support = await departmentId(backend, 'Support');
  await setFeatures(backend, support, { helpCenter: true });
  await setFeatures(backend, support, { cc: true });
  const thread = '19a0c0ffee00c002';
  const ticket = await ticketOn(backend, thread, 'Copy my team on the answer');
  cleanup = ticket;
  const keep = 'kim.keep@mailbox.example';
  const omit = 'olaf.omit@mailbox.example';
  const put = await backend.api('PUT', `/tickets/${ticket.id}/secondary-contacts`, token, { version: ticket.version, contacts: [{ email: keep }, { email: omit }] });
  expect(put.status).toBe(200);

  await connect(ADMIN);
  const page = await gmail();
  const row = page.locator('tr.zA').filter({ has: page.locator(`[data-legacy-thread-id="${thread}"]`) });
  await expect(row.locator('inbox-desk-badge')).toContainText(`#${ticket.number}`);
  await row.locator('[role=checkbox]').click();
  await page.getByRole('toolbar', { name: 'Inbox Desk' }).getByRole('button', { name: 'Reply to 1 tickets' }).click();
  const composer = page.getByRole('dialog', { name: 'Bulk reply to 1 tickets' });
  await composer.getByLabel('Message').fill('Hello {{contact.name}}, your team is copied.');
  await composer.getByRole('button', { name: 'Check and preview' }).click();

  const sample = composer.getByTestId('reply-sample');
  await expect(sample).toContainText(`To: ${CUSTOMER.email}`);
  const cc = sample.getByRole('group', { name: 'CC' });
  await expect(cc).toHaveAccessibleDescription(/this reply only/);
  await expect(cc.getByRole('checkbox', { name: keep })).toBeChecked();
  await cc.getByRole('checkbox', { name: omit }).uncheck();
  await composer.getByRole('button', { name: 'Send to 1 tickets' }).click();
  await expect(composer).toContainText(/recipients delivered/, { timeout: 30_000 });

  const job = (await backend.api('GET', '/jobs?operation=reply', token)).body.items[0];
  expect(job.payload.omitAddresses).toEqual([omit]);
  // Only the reply: adding the contacts sent each of them a notice of its own (R-CC-5).
  const recipients = backend.smtp.received.filter((r) => /your team is copied/.test(r.mail.text ?? '')).flatMap((r) => r.to);
  expect(recipients).toEqual(expect.arrayContaining([CUSTOMER.email, keep]));
  expect(recipients).not.toContain(omit);
  // R-CC-7: left out of this reply only; still a secondary contact of the ticket.
  const stored = (await backend.api('GET', `/tickets/${ticket.id}/secondary-contacts`, token)).body;
  expect(stored.contacts.map((c: { email: string }) => c.email)).toEqual([keep, omit]);
});

test('Gmail: a CC added while the backend is down waits in the outbox, locks the editor, and lands once the backend is back', async ({ backend, connect, gmail }) => {
  const token = backend.tokens[ADMIN]!;
  const support = await departmentId(backend, 'Support');
  await setFeatures(backend, support, { helpCenter: true });
  await setFeatures(backend, support, { cc: true });
  const thread = '19a0c0ffee00c003';
  const ticket = await ticketOn(backend, thread, 'Copy me while you are offline');
  cleanup = ticket;
  const later = 'lena.later@mailbox.example';

  await connect(ADMIN);
  const page = await gmail(`?thread=${thread}`);
  const editor = page.getByRole('region', { name: 'Secondary contacts (CC)' });
  await expect(editor).toContainText('0 of 20');
  const input = editor.getByRole('textbox', { name: 'Address, or search contacts by name' });

  await backend.stop();
  await input.fill(later);
  await editor.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(editor.getByRole('status')).toContainText('Saved on this computer');
  await expect(editor.getByRole('list', { name: 'Secondary contacts (CC)' })).toContainText(later);
  // The next change would carry a stale version: the editor waits for this one first.
  await expect(input).toBeDisabled();

  await backend.start();
  await expect(editor.getByRole('status')).toHaveText('Secondary contacts saved.', { timeout: 60_000 });
  await expect(input).toBeEnabled();
  const stored = (await backend.api('GET', `/tickets/${ticket.id}/secondary-contacts`, token)).body;
  expect(stored).toMatchObject({ version: ticket.version + 1, contacts: [{ email: later }] });
});
