import type { Backend, TicketJson } from './backend';
import { createTicket, departmentId, trash } from './data';
import { ADMIN, AGENT, expect, test } from './harness';

const CUSTOMER = { email: 'carla.copy@mailbox.example', name: 'Carla Copy' };
const COLLEAGUE = 'diego.colleague@mailbox.example';
const EXISTING = { email: 'erin.existing@mailbox.example', name: 'Erin Existing' };
/** This file's own conversations of the demo Gmail mailbox, one per walk-through. */
const THREADS = { panel: '19a0c0ffee00c001', reply: '19a0c0ffee00c002', offline: '19a0c0ffee00c003' };

const setFeatures = async (backend: Backend, department: number, features: Record<string, unknown>) =>
  expect((await backend.api('PATCH', `/departments/${department}/features`, backend.tokens[ADMIN]!, features)).status).toBe(200);

/** A Support ticket from CUSTOMER on its own conversation of the demo Gmail mailbox. */
async function ticketOn(backend: Backend, threadId: string, subject: string): Promise<TicketJson> {
  return createTicket(backend, {
    departmentId: await departmentId(backend, 'Support'),
    subject,
    contact: CUSTOMER,
    gmailThread: threadId,
    body: 'Diego should get your answers too.',
  });
}

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  // Other walk-throughs share this backend and read the demo list: take ours away again.
  await trash(backend, cleanup);
  cleanup = [];
});

test("Gmail: an admin turns on the help center and CC for Support, then adds secondary contacts in the ticket panel; an agent's address is refused by name (R-CC-1..4)", async ({
  backend,
  connect,
  gmail,
  options,
}) => {
  const token = backend.tokens[ADMIN]!;
  const support = await departmentId(backend, 'Support');
  // The demo has both on in Support: start from off, as a new department would.
  await setFeatures(backend, support, { cc: false });
  await setFeatures(backend, support, { helpCenter: false });

  const ticket = await ticketOn(backend, THREADS.panel, 'Please copy my colleague');
  cleanup = [ticket];
  expect((await backend.api('POST', '/contacts', backend.tokens[AGENT]!, EXISTING)).status).toBe(201);

  await connect(ADMIN);
  const admin = await options('departments');
  const section = admin.features;
  const switches = admin.featureSwitches('Support');
  const helpCenter = switches.getByRole('checkbox', { name: 'Help center', exact: true });
  const cc = switches.getByRole('checkbox', { name: 'Secondary contacts (CC)', exact: true });
  // R-CC-1: CC waits for the help center, and says why.
  await expect(cc).toBeDisabled();
  await expect(cc).toHaveAccessibleDescription('R-CC-1: Turn the help center on first; secondary contacts follow their tickets there.');
  await helpCenter.check();
  await expect(section.getByRole('status')).toHaveText('Support: Help center turned on.');
  await cc.check();
  await expect(section.getByRole('status')).toHaveText('Support: Secondary contacts (CC) turned on.');
  await expect(switches.getByRole('checkbox', { name: 'Customers may add CCs in the help center' })).toBeEnabled();
  // The server refuses leaving CC without its help center; the switch stays as the server has it.
  await helpCenter.click();
  await expect(section.getByRole('alert').locator('[data-rule="R-CC-1"]')).toBeVisible();
  await expect(helpCenter).toBeChecked();
  expect((await backend.api('GET', `/departments/${support}`, token)).body).toMatchObject({ helpCenter: true, features: { cc: true } });

  const inbox = await gmail(`?thread=${THREADS.panel}`);
  await inbox.panel.expectTicket(ticket.number);
  const editor = inbox.panel.cc;
  await editor.expectCount(0);
  const input = editor.input;

  // R-CC-4: a typed address becomes a new contact.
  await editor.add(COLLEAGUE);
  await expect(editor.status).toHaveText('Secondary contacts saved.');
  await expect(editor.list.getByRole('listitem')).toHaveText([new RegExp(COLLEAGUE)]);
  await editor.expectCount(1);
  await expect(input).toHaveValue('');

  // R-CC-4: or an existing contact is picked from the search.
  await input.fill('Erin Ex');
  await editor.matches.getByRole('button', { name: `${EXISTING.name} <${EXISTING.email}>` }).click();
  await expect(editor.list.getByRole('listitem')).toHaveCount(2);
  await editor.expectCount(2);
  const stored = (await backend.api('GET', `/tickets/${ticket.id}/secondary-contacts`, token)).body;
  expect(stored.contacts.map((c: { email: string }) => c.email)).toEqual([COLLEAGUE, EXISTING.email]);

  // R-CC-3: an agent's address is refused, named with its reason; the list stays as it was.
  await editor.add('agent@demo.example');
  await expect(editor.alert).toContainText("agent@demo.example cannot be a secondary contact: it is an agent's address.");
  await expect(editor.alert.locator('[data-rule="R-CC-3"]')).toHaveAttribute('title', /R-CC-3/);
  await editor.expectCount(2);
  expect((await backend.api('GET', `/tickets/${ticket.id}/secondary-contacts`, token)).body.contacts.map((c: { email: string }) => c.email)).toEqual([COLLEAGUE, EXISTING.email]);

  // The new contact is named after its address until someone names it.
  await editor.remove(`diego.colleague <${COLLEAGUE}>`);
  await expect(editor.list.getByRole('listitem')).toHaveCount(1);
  await editor.expectCount(1);
});

test('Gmail: a reply to one ticket lists its CCs; one left out gets no copy and stays on the ticket (R-CC-7)', async ({ backend, connect, gmail }) => {
  const token = backend.tokens[ADMIN]!;
  const support = await departmentId(backend, 'Support');
  await setFeatures(backend, support, { helpCenter: true });
  await setFeatures(backend, support, { cc: true });
  const thread = THREADS.reply;
  const ticket = await ticketOn(backend, thread, 'Copy my team on the answer');
  cleanup = [ticket];
  const keep = 'kim.keep@mailbox.example';
  const omit = 'olaf.omit@mailbox.example';
  const put = await backend.api('PUT', `/tickets/${ticket.id}/secondary-contacts`, token, { version: ticket.version, contacts: [{ email: keep }, { email: omit }] });
  expect(put.status).toBe(200);

  await connect(ADMIN);
  const inbox = await gmail();
  await expect(inbox.badge(thread)).toContainText(`#${ticket.number} `);
  await inbox.select(thread);
  const composer = await inbox.bar.openReply(1);
  await composer.message.fill('Hello {{contact.name}}, your team is copied.');
  await composer.preview();

  await expect(composer.sample).toContainText(`To: ${CUSTOMER.email}`);
  const cc = composer.sampleCc;
  await expect(cc).toHaveAccessibleDescription('Untick an address to leave it out of this reply only; it stays a secondary contact of the ticket.');
  await expect(cc.getByRole('checkbox')).toHaveCount(2);
  await expect(cc.getByRole('checkbox', { name: keep })).toBeChecked();
  await cc.getByRole('checkbox', { name: omit }).uncheck();
  await composer.send(1);
  await composer.expectDelivered(2, 2);

  const job = (await backend.api('GET', '/jobs?operation=reply', token)).body.items[0];
  expect(job).toMatchObject({ status: 'completed', counts: { total: 1, done: 1 } });
  expect(job.payload.omitAddresses).toEqual([omit]);
  // Only the reply: adding the contacts sent each of them a notice of its own (R-CC-5).
  const recipients = backend.smtp.received.filter((r) => /your team is copied/.test(r.mail.text ?? '')).flatMap((r) => r.to);
  expect(recipients.sort()).toEqual([CUSTOMER.email, keep].sort());
  // R-CC-7: left out of this reply only; still a secondary contact of the ticket.
  const stored = (await backend.api('GET', `/tickets/${ticket.id}/secondary-contacts`, token)).body;
  expect(stored.contacts.map((c: { email: string }) => c.email)).toEqual([keep, omit]);
});

test('Gmail: a CC added while the backend is down waits in the outbox, locks the editor, and lands once the backend is back', async ({ backend, connect, gmail }) => {
  const token = backend.tokens[ADMIN]!;
  const support = await departmentId(backend, 'Support');
  await setFeatures(backend, support, { helpCenter: true });
  await setFeatures(backend, support, { cc: true });
  const thread = THREADS.offline;
  const ticket = await ticketOn(backend, thread, 'Copy me while you are offline');
  cleanup = [ticket];
  const later = 'lena.later@mailbox.example';

  await connect(ADMIN);
  const inbox = await gmail(`?thread=${thread}`);
  await inbox.panel.expectTicket(ticket.number);
  const editor = inbox.panel.cc;
  await editor.expectCount(0);
  const input = editor.input;

  await backend.stop();
  await editor.add(later);
  await expect(editor.status).toContainText('Saved on this computer');
  await expect(editor.list.getByRole('listitem')).toHaveText([new RegExp(later)]);
  // The next change would carry a stale version: the editor waits for this one first.
  await expect(input).toBeDisabled();

  await backend.start();
  await expect(editor.status).toHaveText('Secondary contacts saved.', { timeout: 60_000 });
  await expect(input).toBeEnabled();
  const stored = (await backend.api('GET', `/tickets/${ticket.id}/secondary-contacts`, token)).body;
  expect(stored).toMatchObject({ version: ticket.version + 1, contacts: [{ email: later }] });
});
