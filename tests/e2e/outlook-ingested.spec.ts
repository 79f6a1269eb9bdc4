import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, AGENT, expect, test } from './harness';

const FIXTURE = path.resolve(import.meta.dirname, '../webmail/fixtures/outlook-inbox.html');
/** The conversation open in the fixture's reading pane: "Order missing" from Alice, Tue 11/3/2026 10:42 AM. */
const FIXTURE_CONVERSATION = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAB1cKq7mUxNPkY0xT3r9O2Q=';
/** Its own id here, so a conversation another walk-through linked on this backend does not answer for it. */
const CONVERSATION = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAIngested0000000000000=';

test('Outlook: opening a conversation the mailbox already made a ticket of links it, instead of offering a second ticket', async ({ backend, context, connect }) => {
  const token = backend.tokens[AGENT]!;
  const [support] = (await backend.api('GET', '/departments', token)).body.items as { id: number; name: string }[];
  // What mail ingestion makes of that message: an e-mail ticket whose first thread is Alice's, at the time the page shows.
  const sentAt = new Date(2026, 10, 3, 10, 42).toISOString();
  const created = await backend.api('POST', '/tickets', token, {
    departmentId: support!.id,
    channel: 'email',
    subject: 'Order missing',
    contact: { email: 'alice@customer.test', name: 'Alice Customer' },
    firstThread: { from: 'alice@customer.test', to: ['support@acme.test'], subject: 'Order missing', bodyText: 'My order never arrived.', createdAt: sentAt },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);

  await context.route('https://outlook.office.com/mail/ingested', (route) =>
    route.fulfill({ body: readFileSync(FIXTURE, 'utf8').replaceAll(FIXTURE_CONVERSATION, CONVERSATION), headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
  );
  await connect(AGENT);
  const page = await context.newPage();
  await page.goto('https://outlook.office.com/mail/ingested');

  await expect(page.getByText(`Linked to #${created.body.number}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create ticket' })).toHaveCount(0);
  await expect(page.locator(`[role=option][data-convid="${CONVERSATION}"] inbox-desk-badge`)).toContainText(`#${created.body.number}`);
  await expect
    .poll(async () => (await backend.api('GET', `/tickets/${created.body.id}`, token)).body.webmailThreads.map((w: { threadId: string }) => w.threadId))
    .toContain(CONVERSATION);
  // Exactly one ticket came of that message: the one the mailbox made.
  const linked = (await backend.liveTickets(token)).filter((t) => t.webmailThreads.some((w) => w.threadId === CONVERSATION));
  expect(linked.map((t) => t.id)).toEqual([created.body.id]);

  // Other walk-throughs share this backend: take the ticket away again.
  const admin = backend.tokens[ADMIN]!;
  const job = await backend.api('POST', '/jobs', admin, { operation: 'delete', payload: {}, ticketIds: [created.body.id], departmentId: support!.id });
  expect(job.status).toBe(202);
  await expect.poll(async () => (await backend.api('GET', `/jobs/${job.body.id}`, admin)).body.status, { timeout: 30_000 }).toBe('completed');
});
