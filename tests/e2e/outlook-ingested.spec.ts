import type { TicketJson } from './backend';
import { createTicket, departmentId, trash } from './data';
import { AGENT, expect, test } from './harness';
import { OutlookInbox } from './pages/outlook-inbox';

/** This walk-through's own copy of the fixture: its conversation ids answer for no other walk-through's ticket. */
const TAG = 'ingested';

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Outlook: opening a conversation the mailbox already made a ticket of links it, instead of offering a second ticket', async ({ backend, connect, outlook }) => {
  const token = backend.tokens[AGENT]!;
  const conversation = OutlookInbox.conversation('open', TAG);
  // What mail ingestion makes of the message open in the fixture ("Order missing" from Alice, Tue 11/3/2026 10:42 AM):
  // an e-mail ticket whose first thread is Alice's, at the time the page shows, and no conversation link yet.
  const sentAt = new Date(2026, 10, 3, 10, 42).toISOString();
  const created = await createTicket(
    backend,
    {
      departmentId: await departmentId(backend, 'Support', AGENT),
      subject: 'Order missing',
      contact: { email: 'alice@customer.test', name: 'Alice Customer' },
      body: 'My order never arrived.',
      at: sentAt,
    },
    AGENT,
  );
  cleanup = [created];
  expect(created.webmailThreads).toEqual([]);

  await connect(AGENT);
  const inbox = await outlook(TAG);

  await expect(inbox.page.getByText(`Linked to #${created.number} — the same message came in through the mailbox (matched by sender, subject and time).`)).toBeVisible();
  await expect(inbox.panel.createButton).toHaveCount(0);
  await expect(inbox.badge(conversation)).toContainText(`#${created.number} `);
  await expect
    .poll(async () => (await backend.api('GET', `/tickets/${created.id}`, token)).body.webmailThreads.map((w: { threadId: string }) => w.threadId))
    .toEqual([conversation]);
  // Exactly one ticket came of that message: the one the mailbox made.
  const linked = (await backend.liveTickets(token)).filter((t) => t.webmailThreads.some((w) => w.threadId === conversation));
  expect(linked.map((t) => t.id)).toEqual([created.id]);
});
