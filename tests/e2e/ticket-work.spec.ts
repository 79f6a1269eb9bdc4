import type { Backend, TicketJson } from './backend';
import { createTicket, departmentId, trash } from './data';
import { ADMIN, AGENT, expect, LEAD, test } from './harness';

/** This file's own conversations of the demo Gmail mailbox, one per walk-through. */
const THREADS = { notes: '19a0c0ffee100001', contact: '19a0c0ffee100002' };
const PARTNER = 'pia.partner@mailbox.example';

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  // Other walk-throughs share this backend and read the demo list: take ours away again.
  await trash(backend, cleanup);
  cleanup = [];
});

const setFeatures = async (backend: Backend, department: number, features: Record<string, unknown>) =>
  expect((await backend.api('PATCH', `/departments/${department}/features`, backend.tokens[ADMIN]!, features)).status).toBe(200);

/** The texts of the mails the backend's SMTP peer took for `address`. */
const mailsTo = (backend: Backend, address: string) => backend.smtp.received.filter((r) => r.to.includes(address)).map((r) => r.mail.text ?? '');

test('Gmail: an agent adds a private note naming a colleague and a public comment; only the public one reaches the CC (R-CC-5)', async ({ backend, connect, gmail }) => {
  const support = await departmentId(backend, 'Support');
  await setFeatures(backend, support, { helpCenter: true });
  await setFeatures(backend, support, { cc: true });
  const ticket = await createTicket(backend, {
    departmentId: support,
    subject: 'Refund for a broken kettle',
    contact: { email: 'nora.notes@mailbox.example', name: 'Nora Notes' },
    gmailThread: THREADS.notes,
    body: 'My kettle arrived broken.',
  });
  cleanup = [ticket];
  const put = await backend.api('PUT', `/tickets/${ticket.id}/secondary-contacts`, backend.tokens[ADMIN]!, { version: ticket.version, contacts: [{ email: PARTNER }] });
  expect(put.status, JSON.stringify(put.body)).toBe(200);

  await connect(AGENT);
  const inbox = await gmail(`?thread=${THREADS.notes}`);
  await inbox.panel.expectTicket(ticket.number);
  const notes = inbox.page.getByRole('region', { name: 'Notes and comments' });
  const box = notes.getByRole('textbox', { name: 'Write a note; @name tells an agent by e-mail' });
  const add = notes.getByRole('button', { name: 'Add note', exact: true });

  await box.fill('Kettle photo looks real. @lead can you approve the refund?');
  await add.click();
  await expect(notes.getByRole('status')).toHaveText('Added.');
  await expect(notes.getByRole('listitem')).toHaveCount(1);
  await expect(notes.getByRole('listitem').first()).toContainText('Private');
  await expect(notes.getByRole('listitem').first()).toContainText('@lead can you approve the refund?');

  await box.fill('A new kettle ships Friday.');
  await notes.getByLabel('Who sees it').selectOption({ label: 'Public comment (customer and CCs)' });
  await add.click();
  await expect(notes.getByRole('status')).toHaveText('Added; the secondary contacts (CC) are told by e-mail.');
  await expect(notes.getByRole('listitem')).toHaveCount(2);

  // The CC hears of the public comment, never of the note; the colleague named gets a link.
  await expect.poll(() => mailsTo(backend, PARTNER).filter((t) => t.includes('A new kettle ships Friday.')).length, { timeout: 30_000 }).toBe(1);
  await expect.poll(() => mailsTo(backend, LEAD).filter((t) => t.includes('@lead can you approve the refund?')).length, { timeout: 30_000 }).toBe(1);
  expect(mailsTo(backend, PARTNER).some((t) => t.includes('Kettle photo'))).toBe(false);
  const comments = (await backend.api('GET', `/tickets/${ticket.id}/timeline`, backend.tokens[ADMIN]!)).body.comments;
  expect(comments.map((c: { visibility: string }) => c.visibility)).toEqual(['private', 'public']);
});

test("Gmail: an agent fixes a contact's address in the panel, an address in use is offered as that contact, then the bulk reply reaches the fixed one", async ({
  backend,
  connect,
  gmail,
}) => {
  const support = await departmentId(backend, 'Support');
  const wrong = 'tom.typo@mailbox.exmaple';
  const fixed = 'tom.typo@mailbox.example';
  const other = { email: 'olga.other@mailbox.example', name: 'Olga Other' };
  expect((await backend.api('POST', '/contacts', backend.tokens[ADMIN]!, other)).status).toBe(201);
  const ticket = await createTicket(backend, {
    departmentId: support,
    subject: 'Where is my order?',
    contact: { email: wrong, name: 'Tom Typo' },
    gmailThread: THREADS.contact,
    body: 'I typed my address wrong.',
  });
  cleanup = [ticket];

  await connect(ADMIN);
  const inbox = await gmail(`?thread=${THREADS.contact}`);
  await inbox.panel.expectTicket(ticket.number);
  const contact = inbox.page.getByRole('region', { name: 'Contact', exact: true });
  await expect(contact).toContainText(`Tom Typo <${wrong}>`);
  await contact.getByRole('button', { name: 'Edit contact' }).click();
  const address = contact.getByLabel('E-mail address');

  // An address another contact has: refused by name, and that contact is offered for the ticket.
  await address.fill(other.email);
  await contact.getByRole('button', { name: 'Save contact' }).click();
  await expect(contact.getByRole('status')).toHaveText(
    `The address ${other.email} already belongs to the contact "${other.name}". Use that contact for the ticket instead, or choose another address.`,
  );
  await expect(contact.getByRole('button', { name: `Use ${other.name} <${other.email}> for this ticket` })).toBeVisible();

  await address.fill(fixed);
  await contact.getByRole('button', { name: 'Save contact' }).click();
  await expect(contact.getByRole('status')).toHaveText('Contact saved.');
  await expect(contact).toContainText(`Tom Typo <${fixed}>`);
  expect(
    (await backend.api('GET', `/contacts/${(await backend.api('GET', `/tickets/${ticket.id}`, backend.tokens[ADMIN]!)).body.contactId}`, backend.tokens[ADMIN]!)).body.email,
  ).toBe(fixed);

  await inbox.backToInbox();
  await expect(inbox.badge(THREADS.contact)).toContainText(`#${ticket.number} `);
  await inbox.select(THREADS.contact);
  const composer = await inbox.bar.openReply(1);
  await composer.message.fill('Hello {{contact.name}}, your order is on its way.');
  await composer.preview();
  await expect(composer.sample).toContainText(`To: ${fixed}`);
  await composer.send(1);
  await composer.expectDelivered(1, 1);
  const delivered = backend.smtp.received.filter((r) => /your order is on its way/.test(r.mail.text ?? ''));
  expect(delivered.map((r) => r.to)).toEqual([[fixed]]);
});
