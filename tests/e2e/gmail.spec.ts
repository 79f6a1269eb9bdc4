import type { TicketJson } from './backend';
import { createTicket, departments, ticket, trash } from './data';
import { ADMIN, AGENT, expect, LEAD, test } from './harness';

/** Conversations of the demo mailbox with no ticket yet: only this file makes the first one a ticket, and none the other. */
const NEW_CONVERSATION = '19a0c0ffee000001';
const NEVER_A_TICKET = '19a0c0ffee000003';
/** This file's own conversations, each with a ticket made for one walk-through. */
const OWN = { status: '19a0c0ffee0a0001', selection: '19a0c0ffee0a0002', move: '19a0c0ffee0a0003', list: '19a0c0ffee0a0004' };

const gmailTicket = (tickets: TicketJson[], threadId: string) => tickets.filter((t) => t.webmailThreads.some((w) => w.provider === 'gmail' && w.threadId === threadId));

async function supportTicket(backend: Parameters<typeof createTicket>[0], threadId: string, subject: string) {
  const { Support } = await departments(backend);
  return createTicket(backend, {
    departmentId: Support!,
    subject,
    contact: { email: `${threadId}@customer.example`, name: `Customer ${threadId.slice(-4)}` },
    gmailThread: threadId,
    body: 'Please help.',
  });
}

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test.describe('Gmail', () => {
  test('badges appear on exactly the rows whose conversation has a ticket the agent can see', async ({ backend, connect, gmail }) => {
    const own = await supportTicket(backend, OWN.list, 'Badge walk-through');
    cleanup = [own];
    await connect(AGENT);
    const inbox = await gmail();
    await expect(inbox.badge(OWN.list)).toContainText(`#${own.number}`);
    const tickets = await backend.liveTickets(backend.tokens[AGENT]!);
    const threadIds = await inbox.threadIds();
    expect(threadIds).toContain(OWN.list);
    const expected = threadIds.flatMap((id) => gmailTicket(tickets, id));
    await expect(inbox.badges).toHaveCount(expected.length);
    for (const t of expected) await expect(inbox.badges.filter({ hasText: `#${t.number} ` })).toHaveCount(1);
    await expect(inbox.badge(NEW_CONVERSATION)).toHaveCount(0);
  });

  test('create a ticket from a conversation and see its badge', async ({ backend, connect, gmail }) => {
    await connect(AGENT);
    const inbox = await gmail(`?thread=${NEW_CONVERSATION}`);
    const number = await inbox.panel.create();

    const created = gmailTicket(await backend.liveTickets(backend.tokens[AGENT]!), NEW_CONVERSATION);
    expect(created.map((t) => t.number)).toEqual([number]);
    const timeline = await backend.api('GET', `/tickets/${created[0]!.id}/timeline`, backend.tokens[AGENT]!);
    expect(timeline.body.threads).toHaveLength(1);
    expect(timeline.body.threads[0]).toMatchObject({ channel: 'email', to: ['support@demo.example'], cc: ['finance@newcomer-gmbh.example'] });
    const contact = await backend.api('GET', `/contacts/${(await ticket(backend, created[0]!.id, AGENT)).contactId}`, backend.tokens[AGENT]!);
    expect(contact.body.email).toBe('nora.newcomer@mailbox.example');

    await inbox.backToInbox();
    await expect(inbox.badge(NEW_CONVERSATION)).toContainText(`#${number} `);
  });

  test('a new ticket defaults to the department that owns the mailbox address', async ({ backend, connect, gmail }) => {
    await connect(ADMIN);
    const ids = await departments(backend, ADMIN);
    expect(Object.keys(ids)).toEqual(['Billing', 'Returns', 'Support']);
    const inbox = await gmail(`?thread=${NEVER_A_TICKET}`);
    await expect(inbox.panel.createButton).toBeVisible();
    await expect(inbox.panel.department).toHaveValue(String(ids['Support']));
  });

  test('change the status in the panel and see it on the backend and the badge', async ({ backend, connect, gmail }) => {
    const target = await supportTicket(backend, OWN.status, 'Status walk-through');
    cleanup = [target];
    expect(target.status).toBe('open');
    await connect(AGENT);
    const inbox = await gmail(`?thread=${OWN.status}`);
    await inbox.panel.expectTicket(target.number);
    await inbox.panel.status.selectOption('escalated');
    await expect(inbox.panel.saved).toBeVisible();
    expect(await ticket(backend, target.id, AGENT)).toMatchObject({ status: 'escalated', version: target.version + 1 });

    await inbox.backToInbox();
    await expect(inbox.badge(OWN.status)).toHaveText(`#${target.number} · Escalated`);
  });

  test('selecting rows shows how many are selected and how many have tickets', async ({ backend, connect, gmail }) => {
    const own = await supportTicket(backend, OWN.selection, 'Selection walk-through');
    cleanup = [own];
    await connect(AGENT);
    const inbox = await gmail();
    await expect(inbox.badge(OWN.selection)).toContainText(`#${own.number}`);
    await inbox.select(OWN.selection, NEVER_A_TICKET);
    await inbox.bar.expectSummary(2, 1);
  });
});

test('a lead moves a ticket to another department from the panel', async ({ backend, connect, gmail }) => {
  const target = await supportTicket(backend, OWN.move, 'Move walk-through');
  cleanup = [target];
  await connect(LEAD);
  const { Billing } = await departments(backend, LEAD);
  const inbox = await gmail(`?thread=${OWN.move}`);
  await inbox.panel.expectTicket(target.number);
  await inbox.panel.department.selectOption(String(Billing));
  await expect(inbox.panel.saved).toBeVisible();
  expect(await ticket(backend, target.id, LEAD)).toMatchObject({ departmentId: Billing, version: target.version + 1 });
});
