import type { TicketJson } from './backend';
import { createTicket, departmentId, ticket, trash } from './data';
import { ADMIN, expect, test } from './harness';

/** This file's own conversation of the demo Gmail mailbox. */
const THREAD = '19a0c0ffee0b1001';

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Gmail: apply the Refund approval blueprint from the panel, follow its transitions, then remove it (R-BULK-15)', async ({ backend, connect, gmail }) => {
  const billing = await departmentId(backend, 'Billing');
  const created = await createTicket(backend, {
    departmentId: billing,
    subject: 'Refund for order 4411',
    contact: { email: 'rita.refund@mailbox.example', name: 'Rita Refund' },
    gmailThread: THREAD,
    body: 'Please refund order 4411.',
  });
  cleanup = [created];

  await connect(ADMIN);
  const inbox = await gmail(`?thread=${THREAD}`);
  await inbox.panel.expectTicket(created.number);
  const section = inbox.page.getByRole('group', { name: 'Blueprint' });
  await section.getByLabel('Blueprint to apply').selectOption({ label: 'Refund approval' });
  await section.getByRole('button', { name: 'Apply blueprint' }).click();
  await expect(section).toContainText('Applied: "Refund approval"');
  expect((await ticket(backend, created.id)).blueprintId).not.toBeNull();

  // Only the transitions of the blueprint are offered; the others are listed, disabled, with the rule.
  const status = inbox.panel.status;
  await expect(status.locator('option[value="escalated"]')).toBeEnabled();
  const closed = status.locator('option[value="closed"]');
  await expect(closed).toBeDisabled();
  await expect(closed).toHaveText('Closed (not allowed by the blueprint)');
  await expect(closed).toHaveAttribute('title', /^R-BULK-15: Blueprint "Refund approval" does not allow Open → Closed\./);
  await expect(inbox.page.getByText('Blueprint "Refund approval": from here the ticket may go to Escalated.')).toBeVisible();

  await status.selectOption('escalated');
  await expect(inbox.panel.saved).toBeVisible();
  await expect(status.locator('option[value="open"]')).toBeDisabled();

  await section.getByRole('button', { name: 'Remove blueprint' }).click();
  await expect(section.getByRole('button', { name: 'Apply blueprint' })).toBeVisible();
  await expect(status.locator('option[value="open"]')).toBeEnabled();
  const after = await ticket(backend, created.id);
  expect(after).toMatchObject({ blueprintId: null, status: 'escalated' });
  const history = (await backend.api('GET', `/tickets/${created.id}/history`, backend.tokens[ADMIN]!)).body.items.map((e: { action: string }) => e.action);
  expect(history).toEqual(expect.arrayContaining(['blueprint_applied', 'blueprint_removed']));
});
