import type { TicketJson } from './backend';
import { createTicket, departmentId, ticket, trash } from './data';
import { ADMIN, expect, test } from './harness';

/** This walk-through's own conversations of the demo Gmail mailbox. */
const THREADS = ['19a0c0ffee0f1001', '19a0c0ffee0f1002', '19a0c0ffee0f1003'];

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Gmail: bulk update of a custom field on 3 tickets from the bar ("Order number" of Returns)', async ({ backend, connect, gmail }) => {
  const returns = await departmentId(backend, 'Returns');
  for (const [i, threadId] of THREADS.entries()) {
    cleanup.push(
      await createTicket(backend, {
        departmentId: returns,
        subject: `Return without an order number ${i + 1}`,
        contact: { email: `return${i + 1}@customer.example`, name: `Return ${i + 1}` },
        gmailThread: threadId,
      }),
    );
  }
  for (const t of cleanup) expect((await ticket(backend, t.id)).customFields).toEqual({});

  // The admin is the harness's agent in Returns, the seed's department with a custom field.
  await connect(ADMIN);
  const inbox = await gmail();
  for (const [i, threadId] of THREADS.entries()) await expect(inbox.badge(threadId)).toContainText(`#${cleanup[i]!.number}`);
  await inbox.select(...THREADS);
  const bar = inbox.bar;
  await bar.expectSummary(3, 3);

  // The department's own field is offered beside the standard ones, with a text box for its text type.
  const field = bar.root.getByLabel('Field', { exact: true });
  await expect(field.getByRole('option', { name: 'Order number' })).toHaveCount(1);
  await expect(bar.button('Update a field', true)).toHaveAttribute('aria-disabled', 'true');
  await field.selectOption({ label: 'Order number' });
  await bar.root.getByLabel('Value', { exact: true }).fill('RMA-2026-0778');
  await expect(bar.button('Update a field', true)).not.toHaveAttribute('aria-disabled', 'true');

  const sheet = await bar.start('Update a field');
  await expect(sheet.root).toContainText('Update a field: 3 of 3 tickets will be changed.');
  await sheet.runIt.click();
  await bar.expectDone(3, 0);

  for (const t of cleanup) expect(await ticket(backend, t.id)).toMatchObject({ customFields: { orderNumber: 'RMA-2026-0778' }, version: t.version + 1 });
});
