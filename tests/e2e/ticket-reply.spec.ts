import type { TicketJson } from './backend';
import { createTicket, departmentId, trash } from './data';
import { AGENT, expect, test } from './harness';

/** This file's own conversation of the demo Gmail mailbox, with its own customer and CC. */
const THREAD = '19a0c0ffee0e2201';
const CUSTOMER = { email: 'tomo.single@mailbox.example', name: 'Tomo Single' };
const KEEP = 'kai.keep@mailbox.example';
const OMIT = 'oda.omit@mailbox.example';

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Gmail: an agent with ticket.send_email only (no bulk reply) replies to one ticket from the panel: preview, a CC left out, undo window, delivery per recipient', async ({
  backend,
  connect,
  gmail,
}) => {
  const token = backend.tokens[AGENT]!;
  const support = await departmentId(backend, 'Support', AGENT);
  const ticket = await createTicket(backend, { departmentId: support, subject: 'Parcel never came', contact: CUSTOMER, gmailThread: THREAD, body: 'Where is my parcel?' }, AGENT);
  cleanup = [ticket];
  const put = await backend.api('PUT', `/tickets/${ticket.id}/secondary-contacts`, token, { version: ticket.version, contacts: [{ email: KEEP }, { email: OMIT }] });
  expect(put.status).toBe(200);
  // The agent role holds send_email, not bulk_reply: a bulk reply is refused, a reply to this ticket is not.
  const bulk = await backend.api('POST', '/jobs', token, { operation: 'reply', departmentId: support, ticketIds: [ticket.id], payload: { body: 'x' } });
  expect(bulk.status).toBe(403);

  await connect(AGENT);
  const inbox = await gmail(`?thread=${THREAD}`);
  await inbox.panel.expectTicket(ticket.number);
  const panel = inbox.panel.root;
  await panel.getByRole('button', { name: 'Reply', exact: true }).click();
  const composer = panel.getByRole('dialog', { name: `Reply to ticket #${ticket.number}` });
  await composer.getByRole('textbox', { name: 'Message' }).fill('Hello {{contact.name}}, your parcel left today (#{{ticket.number}}).');
  await composer.getByRole('button', { name: 'Preview', exact: true }).click();
  const sample = composer.getByTestId('reply-sample');
  await expect(sample).toContainText(`To: ${CUSTOMER.email}`);
  await expect(sample).toContainText(`Hello ${CUSTOMER.name}, your parcel left today (#${ticket.number}).`);
  await expect(sample).toContainText('Re: Parcel never came');
  await sample.getByRole('checkbox', { name: OMIT }).uncheck();
  await expect(sample.getByRole('checkbox', { name: KEEP })).toBeChecked();

  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(composer).toContainText('Sending shortly…');
  await expect(composer).toContainText('2 of 2 recipients delivered', { timeout: 20_000 });

  const copies = backend.smtp.received.filter((r) => (r.mail.text ?? '').includes('your parcel left today'));
  expect(copies.map((r) => r.to).sort()).toEqual([[CUSTOMER.email], [KEEP]].sort());
  expect(copies[0]!.mail.subject).toBe('Re: Parcel never came');
  // R-CC-7: left out of this reply only; still on the ticket.
  const after = (await backend.api('GET', `/tickets/${ticket.id}/secondary-contacts`, token)).body;
  expect(after.contacts.map((c: { email: string }) => c.email)).toEqual([KEEP, OMIT]);
});
