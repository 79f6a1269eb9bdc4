import { connectExtension } from '../../scripts/extension-browser';
import type { Backend, TicketJson } from './backend';
import { createTicket, departments, trash } from './data';
import { ADMIN, AGENT, expect, test } from './harness';

/** Holds the Agent role in Billing and Returns, not in Support. */
const BILLING_AGENT = 'lucas.ferreira@demo.example';

interface RoleJson {
  id: number;
  name: string;
  departments: { departmentId: number; permissions: string[] }[];
}

/** A ticket on its own conversation of the demo Gmail mailbox. */
async function ticketOn(backend: Backend, departmentId: number, threadId: string, subject: string): Promise<TicketJson & { threadId: string }> {
  const contact = { email: `${threadId}@customer.example`, name: `Customer ${threadId.slice(-3)}` };
  const created = await createTicket(backend, { departmentId, subject, contact, gmailThread: threadId, body: 'Please help.', at: '2026-10-01T09:00:00Z' });
  return { ...created, threadId };
}

const agentRole = async (backend: Backend): Promise<RoleJson> => (await backend.api('GET', '/roles', backend.tokens[ADMIN]!)).body.items.find((r: RoleJson) => r.name === 'Agent');
const grantsIn = (role: RoleJson, departmentId: number) => role.departments.find((d) => d.departmentId === departmentId)?.permissions ?? [];

let cleanup: TicketJson[] = [];
let restore: (() => Promise<void>) | null = null;
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
  await restore?.();
  restore = null;
});

test('Options page: an admin grants bulk reply to the Agent role in Support; an agent in Support can then bulk-reply, an agent in Billing still cannot', async ({
  backend,
  connect,
  context,
  gmail,
  options,
}) => {
  const { Support: support, Billing: billing } = (await departments(backend)) as Record<'Support' | 'Billing', number>;
  const supportTickets = [
    await ticketOn(backend, support, '19a0c0ffee0f0001', 'Grant walk-through: router'),
    await ticketOn(backend, support, '19a0c0ffee0f0002', 'Grant walk-through: modem'),
  ];
  const billingTickets = [
    await ticketOn(backend, billing, '19a0c0ffee0f0003', 'Grant walk-through: invoice'),
    await ticketOn(backend, billing, '19a0c0ffee0f0004', 'Grant walk-through: refund'),
  ];
  cleanup = [...supportTickets, ...billingTickets];
  const before = await agentRole(backend);
  expect(grantsIn(before, support)).not.toContain('ticket.bulk_reply');
  restore = async () => {
    await backend.api('PUT', `/roles/${before.id}/departments/${support}`, backend.tokens[ADMIN]!, { permissions: grantsIn(before, support) });
  };

  // The admin ticks one box in the permission matrix of Support.
  await connect(ADMIN);
  const admin = await options('roles');
  const matrix = admin.roles;
  await matrix.getByLabel('Department').selectOption({ label: 'Support' });
  await expect(matrix.getByRole('table')).toContainText('Permissions of each role in Support');
  const box = matrix.getByRole('checkbox', { name: 'Bulk reply for Agent' });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(matrix.getByRole('status').first()).toContainText('Agent in Support: permissions saved.');
  const after = await agentRole(backend);
  expect(grantsIn(after, support).sort()).toEqual([...grantsIn(before, support), 'ticket.bulk_reply'].sort());
  expect(grantsIn(after, billing)).toEqual(grantsIn(before, billing));
  await admin.page.close();

  // An agent in Support replies to two Support tickets at once.
  await connect(AGENT);
  const inbox = await gmail();
  for (const t of supportTickets) await expect(inbox.badge(t.threadId)).toContainText(`#${t.number} `);
  await inbox.select(...supportTickets.map((t) => t.threadId));
  await inbox.bar.expectSummary(2, 2);
  const composer = await inbox.bar.openReply(2);
  await composer.subject.fill('Your request [#{{ticket.number}}]');
  await composer.message.fill('Hello {{contact.name}},\nwe are on it.');
  await composer.preview();
  await expect(composer.root).toContainText('2 of 2 tickets can get this reply by e-mail.');
  await composer.send(2);
  await composer.expectDelivered(2, 2);
  await inbox.page.close();

  // An agent in Billing, whose role there was not granted it, is stopped in the bar and by the backend.
  const minted = await backend.api('POST', '/tokens', backend.tokens[ADMIN]!, {
    agentId: (await backend.api('GET', '/agents', backend.tokens[ADMIN]!)).body.items.find((a: { email: string }) => a.email === BILLING_AGENT).id,
    label: 'e2e: bulk reply grant',
  });
  expect(minted.status).toBe(201);
  await connectExtension(context, backend.url, minted.body.token);
  const billingInbox = await gmail();
  for (const t of billingTickets) await expect(billingInbox.badge(t.threadId)).toContainText(`#${t.number} `);
  await billingInbox.select(...billingTickets.map((t) => t.threadId));
  await billingInbox.bar.expectSummary(2, 2);
  const reply = billingInbox.bar.button('Reply to 2 tickets');
  await expect(reply).toHaveAttribute('aria-disabled', 'true');
  await expect(reply).toHaveAttribute('title', 'You need the permission ticket.bulk_reply in department Billing (ask an admin to grant it to your role).');
  await reply.click({ force: true });
  await expect(billingInbox.bar.replyComposer(2).root).toHaveCount(0);
  const refused = await backend.api('POST', '/jobs', minted.body.token, {
    operation: 'reply',
    payload: { subject: 'Hi', body: 'Hello' },
    ticketIds: billingTickets.map((t) => t.id),
    departmentId: billing,
  });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toContain('ticket.bulk_reply');
});
