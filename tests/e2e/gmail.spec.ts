import { ADMIN, AGENT, badges, expect, LEAD, test } from './harness';
import type { TicketJson } from './backend';

const gmailTicket = (tickets: TicketJson[], threadId: string) =>
  tickets.find((t) => t.webmailThreads.some((w) => w.provider === 'gmail' && w.threadId === threadId));

test.describe('Gmail', () => {
  test('badges appear on exactly the rows whose conversation has a ticket the agent can see', async ({ backend, connect, gmail }) => {
    await connect(AGENT);
    const page = await gmail();
    const rows = page.locator('tr.zA');
    await expect(rows.first()).toBeVisible();
    const tickets = await backend.liveTickets(backend.tokens[AGENT]!);
    const threadIds = await page.locator('[data-legacy-thread-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-legacy-thread-id')!));
    const expected = threadIds.map((id) => gmailTicket(tickets, id)).filter((t): t is TicketJson => !!t);
    expect(expected.length).toBeGreaterThan(0);
    await expect(badges(page)).toHaveCount(expected.length);
    for (const ticket of expected) await expect(badges(page).filter({ hasText: `#${ticket.number}` })).toHaveCount(1);
    const newRow = rows.filter({ has: page.locator('[data-legacy-thread-id="19a0c0ffee000001"]') });
    await expect(newRow.locator('inbox-desk-badge')).toHaveCount(0);
  });

  test('create a ticket from a conversation and see its badge', async ({ backend, connect, gmail }) => {
    await connect(AGENT);
    const page = await gmail('?thread=19a0c0ffee000001');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    const heading = page.getByRole('heading', { name: /Ticket #\d+/ });
    await expect(heading).toBeVisible();
    const number = Number(/#(\d+)/.exec((await heading.textContent())!)![1]);

    const tickets = await backend.liveTickets(backend.tokens[AGENT]!);
    const created = gmailTicket(tickets, '19a0c0ffee000001')!;
    expect(created.number).toBe(number);
    const timeline = await backend.api('GET', `/tickets/${created.id}/timeline`, backend.tokens[AGENT]!);
    expect(timeline.body.threads[0]).toMatchObject({ channel: 'email', to: ['support@demo.example'], cc: ['finance@newcomer-gmbh.example'] });
    const contact = await backend.api('GET', `/contacts/${(await backend.api('GET', `/tickets/${created.id}`, backend.tokens[AGENT]!)).body.contactId}`, backend.tokens[AGENT]!);
    expect(contact.body.email).toBe('nora.newcomer@mailbox.example');

    await page.getByRole('button', { name: 'Back to Inbox' }).click();
    const row = page.locator('tr.zA').filter({ has: page.locator('[data-legacy-thread-id="19a0c0ffee000001"]') });
    await expect(row.locator('inbox-desk-badge')).toContainText(`#${number}`);
  });

  test('a new ticket defaults to the department that owns the mailbox address', async ({ backend, connect, gmail }) => {
    await connect(ADMIN);
    const me = await backend.api('GET', '/me', backend.tokens[ADMIN]!);
    expect(me.body.departments.map((d: { departmentName: string }) => d.departmentName)).toEqual(['Billing', 'Returns', 'Support']);
    const support = me.body.departments.find((d: { departmentName: string }) => d.departmentName === 'Support');
    const page = await gmail('?thread=19a0c0ffee000003');
    await expect(page.getByRole('button', { name: 'Create ticket' })).toBeVisible();
    await expect(page.getByLabel('Department')).toHaveValue(String(support.departmentId));
  });

  test('change the status in the panel and see it on the backend and the badge', async ({ backend, connect, gmail }) => {
    await connect(AGENT);
    const tickets = await backend.liveTickets(backend.tokens[AGENT]!);
    const target = tickets.find((t) => t.status === 'open' && t.webmailThreads.some((w) => w.provider === 'gmail' && w.mailbox === 'support@demo.example'))!;
    const threadId = target.webmailThreads.find((w) => w.provider === 'gmail')!.threadId;
    const page = await gmail(`?thread=${threadId}`);
    await expect(page.getByRole('heading', { name: `Ticket #${target.number}` })).toBeVisible();
    await page.getByLabel('Status').selectOption('escalated');
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    const after = await backend.api('GET', `/tickets/${target.id}`, backend.tokens[AGENT]!);
    expect(after.body).toMatchObject({ status: 'escalated', version: target.version + 1 });

    await page.getByRole('button', { name: 'Back to Inbox' }).click();
    const row = page.locator('tr.zA').filter({ has: page.locator(`[data-legacy-thread-id="${threadId}"]`) });
    await expect(row.locator('inbox-desk-badge')).toContainText('Escalated');
  });

  test('selecting rows shows how many are selected and how many have tickets', async ({ connect, gmail }) => {
    await connect(AGENT);
    const page = await gmail();
    await expect(badges(page).first()).toBeVisible();
    const checkboxes = page.locator('tr.zA [role=checkbox]');
    await checkboxes.nth(0).click();
    await checkboxes.nth(4).click();
    await expect(page.getByRole('toolbar', { name: 'Inbox Desk' })).toContainText(/2 selected · [12] tickets/);
  });
});

test('a lead moves a ticket to another department from the panel', async ({ backend, connect, gmail }) => {
  await connect(LEAD);
  const token = backend.tokens[LEAD]!;
  const me = await backend.api('GET', '/me', token);
  const billing = me.body.departments.find((d: { departmentName: string }) => d.departmentName === 'Billing');
  const support = me.body.departments.find((d: { departmentName: string }) => d.departmentName === 'Support');
  const target = (await backend.liveTickets(token)).find(
    (t) => t.departmentId === support.departmentId && t.webmailThreads.some((w) => w.provider === 'gmail' && w.mailbox === 'support@demo.example'),
  )!;
  const threadId = target.webmailThreads.find((w) => w.provider === 'gmail')!.threadId;
  const page = await gmail(`?thread=${threadId}`);
  await expect(page.getByRole('heading', { name: `Ticket #${target.number}` })).toBeVisible();
  await page.getByLabel('Department').selectOption(String(billing.departmentId));
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect((await backend.api('GET', `/tickets/${target.id}`, token)).body.departmentId).toBe(billing.departmentId);
});
