import type { TicketJson } from './backend';
import { createTicket, departmentId, trash } from './data';
import { ADMIN, expect, test } from './harness';

/** This file's own conversations of the demo Gmail mailbox, each with its own customer. */
const CUSTOMERS = [
  { threadId: '19a0c0ffee0d0001', contact: { email: 'rosa.reply@mailbox.example', name: 'Rosa Reply' } },
  { threadId: '19a0c0ffee0d0002', contact: { email: 'remy.reply@mailbox.example', name: 'Remy Reply' } },
];

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Gmail: bulk reply from a template, preview it for one ticket, send, undo window, delivery in the popup history', async ({ backend, connect, gmail, popup }) => {
  const token = backend.tokens[ADMIN]!;
  // Two e-mail tickets of one department, each to one customer (R-REPLY-4, R-REPLY-6).
  const support = await departmentId(backend, 'Support');
  const tickets = [];
  for (const c of CUSTOMERS)
    tickets.push(await createTicket(backend, { departmentId: support, subject: 'Outage', contact: c.contact, gmailThread: c.threadId, body: 'Nothing works.' }));
  cleanup = tickets;

  await connect(ADMIN);
  const inbox = await gmail();
  for (const [i, c] of CUSTOMERS.entries()) await expect(inbox.badge(c.threadId)).toContainText(`#${tickets[i]!.number} `);
  await inbox.select(...CUSTOMERS.map((c) => c.threadId));
  await inbox.bar.expectSummary(2, 2);

  const composer = await inbox.bar.openReply(2);
  await composer.template.selectOption({ index: 1 });
  await expect(composer.message).not.toHaveValue('');
  await composer.subject.fill('About your request [#{{ticket.number}}]');
  await composer.message.fill('Hello {{contact.nme}}');
  await expect(composer.root).toContainText('R-REPLY-2: unknown placeholder contact.nme');
  await composer.message.fill('Hello {{contact.name}},\nthe outage is over.\n{{agent.name}}');
  await composer.preview();
  await expect(composer.root).toContainText('2 of 2 tickets can get this reply by e-mail.');
  // The sample is the selection's first ticket in the list's order.
  const order = await inbox.threadIds();
  const first = [0, 1].sort((a, b) => order.indexOf(CUSTOMERS[a]!.threadId) - order.indexOf(CUSTOMERS[b]!.threadId))[0]!;
  await expect(composer.sample).toContainText(`To: ${CUSTOMERS[first]!.contact.email}About your request [#${tickets[first]!.number}]Hello ${CUSTOMERS[first]!.contact.name},`);
  await expect(composer.sample).toContainText('the outage is over.');

  await composer.send(2);
  await expect(composer.undo).toBeVisible();
  await composer.expectDelivered(2, 2);
  const job = (await backend.api('GET', '/jobs?operation=reply', token)).body.items[0];
  expect(job).toMatchObject({ status: 'completed', counts: { total: 2, done: 2, failed: 0 } });
  expect(job.delivery).toMatchObject({ total: 2, counts: { sent: 2 } });
  const delivered = backend.smtp.received.filter((r) => /^About your request/.test(r.mail.subject ?? '') && /the outage is over/.test(r.mail.text ?? ''));
  expect(delivered.map((r) => [r.to, r.mail.subject]).sort()).toEqual(tickets.map((t, i) => [[CUSTOMERS[i]!.contact.email], `About your request [#${t.number}]`]).sort());

  const history = await popup();
  await history.openJobs({ state: 'Completed', operation: 'reply' });
  await expect(history.jobs('Reply').first()).toContainText('2 of 2 recipients delivered');
});
