import { createTicket, departmentId, ticket, trash } from './data';
import type { TicketJson } from './backend';
import { AGENT, expect, test } from './harness';
import { OutlookInbox } from './pages/outlook-inbox';

/** This walk-through's own conversations of the demo Gmail mailbox. */
const THREADS = ['19a0c0ffee0b0001', '19a0c0ffee0b0002'];
/** The conversation the Spam-folder walk-through selects. */
const SPAM_FOLDER_THREAD = '19a0c0ffee0b0003';
/** A conversation of the demo mailbox that no ticket has yet, and that only this file turns into one. */
const NEW_CONVERSATION = '19a0c0ffee000002';

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Gmail: select rows, pre-check, assign and close them, see the result on the badges and in the popup history', async ({ backend, connect, gmail, popup }) => {
  const support = await departmentId(backend, 'Support');
  const created = [];
  for (const [i, threadId] of THREADS.entries()) {
    created.push(
      await createTicket(backend, {
        departmentId: support,
        subject: `Bulk walk-through ${i + 1}`,
        contact: { email: `bulk${i + 1}@customer.example`, name: `Bulk ${i + 1}` },
        gmailThread: threadId,
      }),
    );
  }
  cleanup = created;
  expect(created.map((t) => t.status)).toEqual(['open', 'open']);

  await connect(AGENT);
  const inbox = await gmail();
  for (const [i, threadId] of THREADS.entries()) await expect(inbox.badge(threadId)).toContainText(`#${created[i]!.number}`);
  await inbox.select(...THREADS);
  const bar = inbox.bar;
  await bar.expectSummary(2, 2);

  await expect(bar.button('Delete', true)).toHaveAttribute('title', 'You need the permission ticket.delete in department Support (ask an admin to grant it to your role).');

  // New tickets are unassigned: assigning both changes both.
  await bar.agent.selectOption({ index: 1 });
  const assignee = Number(await bar.agent.inputValue());
  const sheet = await bar.start('Assign');
  await expect(sheet.root).toContainText('Assign: 2 of 2 tickets will be changed.');
  await sheet.runIt.click();
  await bar.expectDone(2, 0);
  for (const t of created) expect(await ticket(backend, t.id)).toMatchObject({ assigneeAgentId: assignee, version: t.version + 1 });

  await bar.start('Close');
  await expect(sheet.root).toContainText('Close: 2 of 2 tickets will be changed.');
  await sheet.runIt.click();
  await bar.expectDone(2, 0);
  for (const threadId of THREADS) await expect(inbox.badge(threadId)).toContainText('Closed');

  const token = backend.tokens[AGENT]!;
  const jobs = (await backend.api('GET', '/jobs?status=completed', token)).body.items;
  expect(jobs.slice(0, 2).map((j: { operation: string; ticketIds: number[] }) => j.operation)).toEqual(['close', 'assign']);
  // R-BULK-7: the selection was made in the inbox, which is the department's "Open tickets" view the bar shows.
  const openTickets = (await backend.api<{ items: { id: number; name: string }[] }>('GET', `/views?departmentId=${support}`, token)).body.items.find(
    (v) => v.name === 'Open tickets',
  )!;
  expect(jobs.slice(0, 2).map((j: { viewId: number | null }) => j.viewId)).toEqual([openTickets.id, openTickets.id]);

  const history = await popup();
  await history.openJobs({ state: 'Completed' });
  await expect(history.jobs('Close').first()).toContainText('2 of 2 done, 0 failed');
  await history.operationFilter.selectOption('assign');
  await expect(history.jobs('Close')).toHaveCount(0);
  const me = (await backend.api('GET', '/me', token)).body;
  await expect(history.jobs('Assign').first()).toContainText(`Started by ${me.agent.name}`);
  await expect(history.jobs('Assign').first()).toContainText('2 of 2 done, 0 failed');
});

test("Gmail: rows selected in the Spam folder act from the department's spam view, where R-BULK-4 runs nothing", async ({ backend, connect, gmail }) => {
  const support = await departmentId(backend, 'Support');
  cleanup = [
    await createTicket(backend, {
      departmentId: support,
      subject: 'Spam folder walk-through',
      contact: { email: 'spamfolder@customer.example', name: 'Spam Folder' },
      gmailThread: SPAM_FOLDER_THREAD,
    }),
  ];
  await connect(AGENT);
  const inbox = await gmail();
  await expect(inbox.badge(SPAM_FOLDER_THREAD)).toContainText(`#${cleanup[0]!.number}`);
  await inbox.page.evaluate(() => (location.hash = '#spam'));
  await inbox.select(SPAM_FOLDER_THREAD);
  const bar = inbox.bar;
  await expect(bar.massView.locator('option:checked')).toHaveText('Spam');
  await expect(bar.button('Close', true)).toHaveAttribute('title', /^No bulk or mass action runs in the view "Spam"/);
  // Choosing a normal view beside the selection makes it actionable again.
  await bar.massView.selectOption({ label: 'Open tickets' });
  await expect(bar.button('Close', true)).not.toHaveAttribute('aria-disabled', 'true');
});

test('Outlook: select rows with tickets and close them in bulk', async ({ backend, connect, outlook }) => {
  const tag = 'bulk';
  const selected = [OutlookInbox.conversation('open', tag), OutlookInbox.conversation('selected', tag)];
  const support = await departmentId(backend, 'Support');
  cleanup = [];
  for (const threadId of selected) {
    cleanup.push(
      await createTicket(backend, {
        departmentId: support,
        subject: 'Outlook conversation',
        contact: { email: 'bob@buyer.test', name: 'Bob Buyer' },
        outlookConversation: threadId,
      }),
    );
  }
  await connect(AGENT);
  const inbox = await outlook(tag);
  const bar = inbox.bar;
  await bar.expectSummary(2, 2);
  const sheet = await bar.start('Close');
  await expect(sheet.root).toContainText('Close: 2 of 2 tickets will be changed.');
  await sheet.runIt.click();
  await bar.expectDone(2, 0);
  for (const threadId of selected) await expect(inbox.badge(threadId)).toContainText('Closed');
  for (const t of cleanup) expect((await ticket(backend, t.id)).status).toBe('closed');
});

test('Gmail: selected conversations without a ticket become tickets in one step', async ({ backend, connect, gmail }) => {
  await connect(AGENT);
  const inbox = await gmail();
  await expect(inbox.badges.first()).toBeVisible();
  await expect(inbox.badge(NEW_CONVERSATION)).toHaveCount(0);
  await inbox.select(NEW_CONVERSATION);
  await inbox.bar.expectSummary(1, 0);
  await inbox.bar.button('Create 1 ticket').click();
  await inbox.bar.expectSummary(1, 1);
  const made = (await backend.liveTickets(backend.tokens[AGENT]!)).filter((t) => t.webmailThreads.some((w) => w.threadId === NEW_CONVERSATION));
  expect(made).toHaveLength(1);
  await expect(inbox.badge(NEW_CONVERSATION)).toHaveText(`#${made[0]!.number} · Open`);
});
