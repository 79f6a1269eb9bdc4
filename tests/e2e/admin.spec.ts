import type { Page } from '@playwright/test';
import { connectExtension } from '../../scripts/extension-browser';
import type { Backend, TicketJson } from './backend';
import { ADMIN, AGENT, expect, test } from './harness';

const MAILBOX = 'support@demo.example';
/** Holds the Agent role in Billing and Returns, not in Support. */
const BILLING_AGENT = 'lucas.ferreira@demo.example';
const rowOf = (page: Page, threadId: string) => page.locator('tr.zA').filter({ has: page.locator(`[data-legacy-thread-id="${threadId}"]`) });

interface RoleJson {
  id: number;
  name: string;
  departments: { departmentId: number; permissions: string[] }[];
}

async function departmentIds(backend: Backend): Promise<{ support: number; billing: number }> {
  const me = (await backend.api('GET', '/me', backend.tokens[ADMIN]!)).body;
  const id = (name: string) => me.departments.find((d: { departmentName: string }) => d.departmentName === name).departmentId as number;
  return { support: id('Support'), billing: id('Billing') };
}

/** A ticket on its own conversation of the demo Gmail mailbox, old enough to sit below the rows other walk-throughs use. */
async function ticketOn(backend: Backend, departmentId: number, threadId: string, subject: string): Promise<TicketJson & { threadId: string }> {
  const contact = { email: `${threadId}@customer.example`, name: `Customer ${threadId.slice(-3)}` };
  const res = await backend.api<TicketJson>('POST', '/tickets', backend.tokens[ADMIN]!, {
    departmentId,
    channel: 'email',
    subject,
    contact,
    webmailThread: { provider: 'gmail', mailbox: MAILBOX, threadId },
    firstThread: { from: `${contact.name} <${contact.email}>`, to: [MAILBOX], subject, bodyText: 'Please help.', createdAt: '2026-10-01T09:00:00Z' },
  });
  expect(res.status).toBe(201);
  return { ...res.body, threadId };
}

const agentRole = async (backend: Backend): Promise<RoleJson> =>
  (await backend.api('GET', '/roles', backend.tokens[ADMIN]!)).body.items.find((r: RoleJson) => r.name === 'Agent');
const grantsIn = (role: RoleJson, departmentId: number) => role.departments.find((d) => d.departmentId === departmentId)?.permissions ?? [];

let cleanup: TicketJson[] = [];
let restore: (() => Promise<void>) | null = null;
test.afterEach(async ({ backend }) => {
  const token = backend.tokens[ADMIN]!;
  for (const ticket of cleanup) {
    const job = await backend.api('POST', '/jobs', token, { operation: 'delete', payload: {}, ticketIds: [ticket.id], departmentId: ticket.departmentId });
    await expect.poll(async () => (await backend.api('GET', `/jobs/${job.body.id}`, token)).body.status, { timeout: 30_000 }).toBe('completed');
  }
  cleanup = [];
  await restore?.();
  restore = null;
});

test('Options page: an admin grants bulk reply to the Agent role in Support; an agent in Support can then bulk-reply, an agent in Billing still cannot', async ({
  backend,
  connect,
  context,
  extensionId,
  gmail,
}) => {
  const { support, billing } = await departmentIds(backend);
  const supportTickets = [await ticketOn(backend, support, '19a0c0ffee0f0001', 'Grant walk-through: router'), await ticketOn(backend, support, '19a0c0ffee0f0002', 'Grant walk-through: modem')];
  const billingTickets = [await ticketOn(backend, billing, '19a0c0ffee0f0003', 'Grant walk-through: invoice'), await ticketOn(backend, billing, '19a0c0ffee0f0004', 'Grant walk-through: refund')];
  cleanup = [...supportTickets, ...billingTickets];
  const before = await agentRole(backend);
  expect(grantsIn(before, support)).not.toContain('ticket.bulk_reply');
  restore = async () => {
    await backend.api('PUT', `/roles/${before.id}/departments/${support}`, backend.tokens[ADMIN]!, { permissions: grantsIn(before, support) });
  };

  // The admin ticks one box in the permission matrix of Support.
  await connect(ADMIN);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#roles`);
  const matrix = options.getByRole('region', { name: 'Roles and permissions' });
  await matrix.getByLabel('Department').selectOption({ label: 'Support' });
  await expect(matrix.getByRole('table')).toContainText('Permissions of each role in Support');
  const box = matrix.getByRole('checkbox', { name: 'Bulk reply for Agent' });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(matrix.getByRole('status').first()).toContainText('Agent in Support: permissions saved.');
  const after = await agentRole(backend);
  expect(grantsIn(after, support)).toContain('ticket.bulk_reply');
  expect(grantsIn(after, billing)).not.toContain('ticket.bulk_reply');
  await options.close();

  // An agent in Support replies to two Support tickets at once.
  await connect(AGENT);
  const page = await gmail();
  for (const t of supportTickets) {
    const row = rowOf(page, t.threadId);
    await expect(row.locator('inbox-desk-badge')).toContainText(`#${t.number}`);
    await row.locator('[role=checkbox]').click();
  }
  const bar = page.getByRole('toolbar', { name: 'Inbox Desk' });
  await expect(bar).toContainText('2 selected · 2 tickets');
  await bar.getByRole('button', { name: 'Reply to 2 tickets' }).click();
  const composer = page.getByRole('dialog', { name: 'Bulk reply to 2 tickets' });
  await composer.getByLabel('Subject').fill('Your request [#{{ticket.number}}]');
  await composer.getByLabel('Message').fill('Hello {{contact.name}},\nwe are on it.');
  await composer.getByRole('button', { name: 'Check and preview' }).click();
  await expect(composer).toContainText('2 of 2 tickets can get this reply by e-mail.');
  await composer.getByRole('button', { name: 'Send to 2 tickets' }).click();
  await expect(composer).toContainText(/2 of 2 recipients delivered/, { timeout: 30_000 });
  await page.close();

  // An agent in Billing, whose role there was not granted it, is stopped in the bar and by the backend.
  const minted = await backend.api('POST', '/tokens', backend.tokens[ADMIN]!, {
    agentId: (await backend.api('GET', '/agents', backend.tokens[ADMIN]!)).body.items.find((a: { email: string }) => a.email === BILLING_AGENT).id,
    label: 'e2e: bulk reply grant',
  });
  expect(minted.status).toBe(201);
  await connectExtension(context, backend.url, minted.body.token);
  const billingPage = await gmail();
  for (const t of billingTickets) {
    const row = rowOf(billingPage, t.threadId);
    await expect(row.locator('inbox-desk-badge')).toContainText(`#${t.number}`);
    await row.locator('[role=checkbox]').click();
  }
  const billingBar = billingPage.getByRole('toolbar', { name: 'Inbox Desk' });
  await expect(billingBar).toContainText('2 selected · 2 tickets');
  const reply = billingBar.getByRole('button', { name: 'Reply to 2 tickets' });
  await expect(reply).toHaveAttribute('aria-disabled', 'true');
  await expect(reply).toHaveAttribute('title', /ticket\.bulk_reply.*Billing/);
  await reply.click({ force: true });
  await expect(billingPage.getByRole('dialog', { name: 'Bulk reply to 2 tickets' })).toHaveCount(0);
  const refused = await backend.api('POST', '/jobs', minted.body.token, {
    operation: 'reply',
    payload: { subject: 'Hi', body: 'Hello' },
    ticketIds: billingTickets.map((t) => t.id),
    departmentId: billing,
  });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toContain('ticket.bulk_reply');
});
