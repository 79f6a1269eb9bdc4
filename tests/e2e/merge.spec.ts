import type { Page } from '@playwright/test';
import type { Backend, TicketJson } from './backend';
import { ADMIN, AGENT, expect, test } from './harness';

const MAILBOX = 'support@demo.example';
const rowOf = (page: Page, threadId: string) => page.locator('tr.zA').filter({ has: page.locator(`[data-legacy-thread-id="${threadId}"]`) });

interface Request {
  threadId: string;
  subject: string;
  priority: string;
  body: string;
  at: string;
}

/** Tickets of one customer in Support, each linked to its own conversation of the demo Gmail mailbox. */
async function ticketsOfOneCustomer(backend: Backend, contact: { email: string; name: string }, requests: Request[]): Promise<TicketJson[]> {
  const token = backend.tokens[AGENT]!;
  const me = (await backend.api('GET', '/me', token)).body;
  const support = me.departments.find((d: { departmentName: string }) => d.departmentName === 'Support');
  const created: TicketJson[] = [];
  for (const r of requests) {
    const res = await backend.api<TicketJson>('POST', '/tickets', token, {
      departmentId: support.departmentId,
      channel: 'email',
      subject: r.subject,
      priority: r.priority,
      contact,
      webmailThread: { provider: 'gmail', mailbox: MAILBOX, threadId: r.threadId },
      firstThread: { from: `${contact.name} <${contact.email}>`, to: [MAILBOX], subject: r.subject, bodyText: r.body, createdAt: r.at },
    });
    expect(res.status).toBe(201);
    created.push(res.body);
  }
  return created;
}

/** Other walk-throughs share this backend and pick rows from the top of the list: take ours away again. */
async function trash(backend: Backend, ticket: TicketJson) {
  const token = backend.tokens[ADMIN]!;
  const job = await backend.api('POST', '/jobs', token, { operation: 'delete', payload: {}, ticketIds: [ticket.id], departmentId: ticket.departmentId });
  expect(job.status).toBe(202);
  await expect.poll(async () => (await backend.api('GET', `/jobs/${job.body.id}`, token)).body.status, { timeout: 30_000 }).toBe('completed');
}

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  for (const ticket of cleanup) await trash(backend, ticket);
  cleanup = [];
});

test('Gmail: merge three tickets of one customer from the selection: preview, primary, field choices, confirm; every row shows the primary and its panel the whole timeline', async ({
  backend,
  connect,
  gmail,
}) => {
  const requests: Request[] = [
    { threadId: '19a0c0ffee00a001', subject: 'Parcel not delivered', priority: 'low', body: 'My parcel from order 5521 has not arrived.', at: '2026-11-20T09:00:00Z' },
    { threadId: '19a0c0ffee00a002', subject: 'Where is my parcel?', priority: 'high', body: 'Still no parcel, the tracking page is empty.', at: '2026-11-21T09:00:00Z' },
    { threadId: '19a0c0ffee00a003', subject: 'Order 5521: parcel missing, refund please', priority: 'medium', body: 'Please refund order 5521 if the parcel is lost.', at: '2026-11-22T09:00:00Z' },
  ];
  const created = await ticketsOfOneCustomer(backend, { email: 'mia.merge@mailbox.example', name: 'Mia Merge' }, requests);
  const [oldest, second, third] = created as [TicketJson, TicketJson, TicketJson];
  cleanup = [oldest];

  await connect(AGENT);
  const page = await gmail();
  for (const [i, r] of requests.entries()) {
    await expect(rowOf(page, r.threadId).locator('inbox-desk-badge')).toContainText(`#${created[i]!.number}`);
    await rowOf(page, r.threadId).locator('[role=checkbox]').click();
  }
  const bar = page.getByRole('toolbar', { name: 'Inbox Desk' });
  await expect(bar).toContainText('3 selected · 3 tickets');
  await bar.getByRole('button', { name: 'Merge', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Merge 3 tickets' });
  // R-MERGE-3: the oldest ticket is the primary by default.
  const primary = dialog.getByRole('group', { name: 'Primary ticket' });
  await expect(primary.getByRole('radio', { name: new RegExp(`#${oldest.number} ${requests[0]!.subject}.*\\(oldest\\)`) })).toBeChecked();
  // R-MERGE-4: a choice per field the tickets disagree on, each ticket's value beside its number.
  const subject = dialog.getByRole('group', { name: 'Subject' });
  await expect(subject.getByRole('radio')).toHaveCount(3);
  await subject.getByRole('radio', { name: `#${third.number} ${requests[2]!.subject}` }).check();
  await dialog.getByRole('group', { name: 'Priority' }).getByRole('radio', { name: `#${second.number} High` }).check();
  await expect(dialog.getByRole('group', { name: 'Contact' })).toHaveCount(0);
  const merged = dialog.getByRole('region', { name: `Ticket #${oldest.number} after merging` });
  await expect(merged).toContainText(requests[2]!.subject);
  await expect(merged).toContainText('High');
  await expect(merged).toContainText('Mia Merge <mia.merge@mailbox.example>');
  // R-MERGE-6: every message of the three, oldest first, each with the ticket it comes from.
  const timeline = dialog.getByRole('region', { name: 'Timeline after merging (3 entries)' });
  await expect(timeline.getByRole('listitem')).toHaveText([
    new RegExp(`#${oldest.number}.*${requests[0]!.body}`),
    new RegExp(`#${second.number}.*${requests[1]!.body}`),
    new RegExp(`#${third.number}.*${requests[2]!.body}`),
  ]);

  // R-MERGE-8: no undo, so an explicit confirmation after the preview.
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toContainText('Merging cannot be undone.');
  const confirm = dialog.getByRole('button', { name: `Merge into #${oldest.number}` });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'I understand that merging cannot be undone' }).check();
  await confirm.click();
  await expect(dialog.getByRole('status')).toHaveText(`Merged into #${oldest.number}`);

  for (const r of requests) await expect(rowOf(page, r.threadId).locator('inbox-desk-badge')).toContainText(`#${oldest.number}`);
  await expect(bar).toContainText('3 selected · 1 tickets');
  const token = backend.tokens[AGENT]!;
  expect((await backend.api('GET', `/tickets/${oldest.id}`, token)).body).toMatchObject({ subject: requests[2]!.subject, priority: 'high', mergedIntoId: null });
  for (const other of [second, third]) {
    expect((await backend.api('GET', `/tickets/${other.id}`, token)).body).toMatchObject({ mergedIntoId: oldest.id, trashedAt: expect.any(String) });
  }

  // A merged-away ticket's conversation opens the primary, whose timeline holds all three tickets' messages.
  const conversation = await gmail(`?thread=${requests[1]!.threadId}`);
  await expect(conversation.getByRole('heading', { name: `Ticket #${oldest.number}` })).toBeVisible();
  await conversation.getByText('Timeline: 3 messages · 0 comments').click();
  for (const r of requests) await expect(conversation.locator('.ticket-timeline')).toContainText(r.body);
});

test('Gmail panel: merge with another ticket of the same contact, picking that one as primary, after reloading a stale preview', async ({ backend, connect, gmail }) => {
  const requests: Request[] = [
    { threadId: '19a0c0ffee00b001', subject: 'Invoice address wrong', priority: 'medium', body: 'The invoice shows my old address.', at: '2026-11-20T10:00:00Z' },
    { threadId: '19a0c0ffee00b002', subject: 'Invoice address, again', priority: 'medium', body: 'Could you correct the address on invoice 88?', at: '2026-11-21T10:00:00Z' },
  ];
  const [first, second] = (await ticketsOfOneCustomer(backend, { email: 'noah.panel@mailbox.example', name: 'Noah Panel' }, requests)) as [TicketJson, TicketJson];
  cleanup = [second];
  const token = backend.tokens[AGENT]!;

  await connect(AGENT);
  const page = await gmail(`?thread=${requests[0]!.threadId}`);
  await expect(page.getByRole('heading', { name: `Ticket #${first.number}` })).toBeVisible();
  // R-MERGE-10: the same contact's other tickets, to merge from this one.
  const others = page.getByRole('region', { name: 'Other tickets from this contact (1)' });
  const mergeButton = others.getByRole('button', { name: 'Merge 1 tickets' });
  await expect(mergeButton).toHaveAttribute('aria-disabled', 'true');
  await expect(mergeButton).toHaveAttribute('title', /^R-MERGE-2: Select at least 2/);
  await others.getByRole('checkbox', { name: new RegExp(`#${second.number} ${requests[1]!.subject}`) }).check();
  await others.getByRole('button', { name: 'Merge 2 tickets' }).click();

  const dialog = page.getByRole('dialog', { name: 'Merge 2 tickets' });
  await dialog.getByRole('group', { name: 'Primary ticket' }).getByRole('radio', { name: new RegExp(`#${second.number}`) }).check();
  await expect(dialog.getByRole('region', { name: `Ticket #${second.number} after merging` })).toContainText(requests[1]!.subject);

  // Someone changes a ticket after the preview: the merge is refused, nothing merged, the preview reloads.
  const current = (await backend.api('GET', `/tickets/${first.id}`, token)).body;
  expect((await backend.api('PATCH', `/tickets/${first.id}`, token, { version: current.version, priority: 'urgent' })).status).toBe(200);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByRole('checkbox', { name: 'I understand that merging cannot be undone' }).check();
  await dialog.getByRole('button', { name: `Merge into #${second.number}` }).click();
  await expect(dialog.getByRole('alert')).toContainText('changed by someone else');
  await dialog.getByRole('button', { name: 'Reload the preview' }).click();
  await expect(dialog.getByRole('group', { name: 'Priority' })).toContainText('Urgent');
  await expect(dialog.getByRole('group', { name: 'Primary ticket' }).getByRole('radio', { name: new RegExp(`#${second.number}`) })).toBeChecked();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByRole('checkbox', { name: 'I understand that merging cannot be undone' }).check();
  await dialog.getByRole('button', { name: `Merge into #${second.number}` }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Merged into #${second.number}`);

  // The open conversation's ticket was merged away: the panel shows the primary, and says so.
  await expect(page.getByRole('heading', { name: `Ticket #${second.number}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Ticket #${first.number} was merged into #${second.number}` })).toBeVisible();
  await expect(page.getByText('Timeline: 2 messages · 0 comments')).toBeVisible();
  expect((await backend.api('GET', `/tickets/${first.id}`, token)).body).toMatchObject({ mergedIntoId: second.id });
});
