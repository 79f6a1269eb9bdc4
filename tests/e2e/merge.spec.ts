import type { Backend, TicketJson } from './backend';
import { createTicket, departmentId, ticket, trash, type Person } from './data';
import { AGENT, expect, test } from './harness';

interface Request {
  threadId: string;
  subject: string;
  priority: string;
  body: string;
  at: string;
}

/** Tickets of one customer in Support, each linked to its own conversation of the demo Gmail mailbox. */
async function ticketsOfOneCustomer(backend: Backend, contact: Person, requests: Request[]): Promise<TicketJson[]> {
  const support = await departmentId(backend, 'Support', AGENT);
  const created: TicketJson[] = [];
  for (const r of requests) {
    created.push(await createTicket(backend, { departmentId: support, subject: r.subject, priority: r.priority, contact, gmailThread: r.threadId, body: r.body, at: r.at }, AGENT));
  }
  return created;
}

/** Other walk-throughs share this backend and read the demo list: take ours away again. */
let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
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
    {
      threadId: '19a0c0ffee00a003',
      subject: 'Order 5521: parcel missing, refund please',
      priority: 'medium',
      body: 'Please refund order 5521 if the parcel is lost.',
      at: '2026-11-22T09:00:00Z',
    },
  ];
  const created = await ticketsOfOneCustomer(backend, { email: 'mia.merge@mailbox.example', name: 'Mia Merge' }, requests);
  const [oldest, second, third] = created as [TicketJson, TicketJson, TicketJson];
  cleanup = [oldest];

  await connect(AGENT);
  const inbox = await gmail();
  for (const [i, r] of requests.entries()) await expect(inbox.badge(r.threadId)).toContainText(`#${created[i]!.number} `);
  await inbox.select(...requests.map((r) => r.threadId));
  await inbox.bar.expectSummary(3, 3);
  const dialog = await inbox.bar.openMerge(3);

  // R-MERGE-3: the oldest ticket is the primary by default.
  await expect(dialog.primary.getByRole('radio', { name: new RegExp(`#${oldest.number} ${requests[0]!.subject}.*\\(oldest\\)`) })).toBeChecked();
  // R-MERGE-4: a choice per field the tickets disagree on, each ticket's value beside its number.
  const subject = dialog.field('Subject');
  await expect(subject.getByRole('radio')).toHaveCount(3);
  await subject.getByRole('radio', { name: `#${third.number} ${requests[2]!.subject}` }).check();
  await dialog
    .field('Priority')
    .getByRole('radio', { name: `#${second.number} High` })
    .check();
  await expect(dialog.field('Contact')).toHaveCount(0);
  const merged = dialog.after(oldest.number);
  await expect(merged).toContainText(requests[2]!.subject);
  await expect(merged).toContainText('High');
  await expect(merged).toContainText('Mia Merge <mia.merge@mailbox.example>');
  // R-MERGE-6: every message of the three, oldest first, each with the ticket it comes from.
  await expect(dialog.timeline(3).getByRole('listitem')).toHaveText([
    new RegExp(`#${oldest.number}.*${requests[0]!.body}`),
    new RegExp(`#${second.number}.*${requests[1]!.body}`),
    new RegExp(`#${third.number}.*${requests[2]!.body}`),
  ]);

  // R-MERGE-8: no undo, so an explicit confirmation after the preview.
  await dialog.continue();
  await expect(dialog.root).toContainText('Merging cannot be undone.');
  await expect(dialog.confirm(oldest.number)).toBeDisabled();
  await dialog.understood.check();
  await dialog.confirm(oldest.number).click();
  await expect(dialog.status).toHaveText(`Merged into #${oldest.number}`);

  for (const r of requests) await expect(inbox.badge(r.threadId)).toContainText(`#${oldest.number} `);
  await inbox.bar.expectSummary(3, 1);
  expect(await ticket(backend, oldest.id, AGENT)).toMatchObject({ subject: requests[2]!.subject, priority: 'high', mergedIntoId: null });
  for (const other of [second, third]) {
    expect(await ticket(backend, other.id, AGENT)).toMatchObject({ mergedIntoId: oldest.id, trashedAt: expect.any(String) });
  }

  // A merged-away ticket's conversation opens the primary, whose timeline holds all three tickets' messages.
  const conversation = await gmail(`?thread=${requests[1]!.threadId}`);
  await conversation.panel.expectTicket(oldest.number);
  await conversation.panel.timelineSummary(3, 0).click();
  for (const r of requests) await expect(conversation.panel.timeline).toContainText(r.body);
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
  const inbox = await gmail(`?thread=${requests[0]!.threadId}`);
  const panel = inbox.panel;
  await panel.expectTicket(first.number);
  // R-MERGE-10: the same contact's other tickets, to merge from this one.
  const others = panel.otherTickets(1);
  const mergeButton = others.getByRole('button', { name: 'Merge 1 ticket' });
  await expect(mergeButton).toHaveAttribute('aria-disabled', 'true');
  await expect(mergeButton).toHaveAttribute('title', 'Select at least 2 different tickets to merge; you selected 1.');
  await others.getByRole('checkbox', { name: new RegExp(`#${second.number} ${requests[1]!.subject}`) }).check();
  await others.getByRole('button', { name: 'Merge 2 tickets' }).click();

  const dialog = panel.mergeDialog(2);
  await dialog.primary.getByRole('radio', { name: new RegExp(`#${second.number}`) }).check();
  await expect(dialog.after(second.number)).toContainText(requests[1]!.subject);

  // Someone changes a ticket after the preview: the merge is refused, nothing merged, the preview reloads.
  const current = await ticket(backend, first.id, AGENT);
  expect((await backend.api('PATCH', `/tickets/${first.id}`, token, { version: current.version, priority: 'urgent' })).status).toBe(200);
  await dialog.mergeInto(second.number);
  await expect(dialog.alert).toContainText('changed by someone else');
  expect(await ticket(backend, first.id, AGENT)).toMatchObject({ mergedIntoId: null, trashedAt: null });
  await dialog.reloadPreview();
  await expect(dialog.field('Priority')).toContainText('Urgent');
  await expect(dialog.primary.getByRole('radio', { name: new RegExp(`#${second.number}`) })).toBeChecked();
  await dialog.mergeInto(second.number);
  await expect(dialog.status).toHaveText(`Merged into #${second.number}`);

  // The open conversation's ticket was merged away: the panel shows the primary, and says so.
  await panel.expectTicket(second.number);
  await expect(panel.notice(`Ticket #${first.number} was merged into #${second.number}; this is #${second.number}.`)).toBeVisible();
  await expect(panel.timelineSummary(2, 0)).toBeVisible();
  expect(await ticket(backend, first.id, AGENT)).toMatchObject({ mergedIntoId: second.id });
});
