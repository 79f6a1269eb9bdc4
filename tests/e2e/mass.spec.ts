import { expect, LEAD, test } from './harness';
import type { Backend, TicketJson } from './backend';
import { createTicket, runJob, trash } from './data';

/** This file's own conversation of the demo Gmail mailbox: the row the bar starts from. */
const THREAD = '19a0c0ffee0c0001';

interface ViewJson {
  id: number;
  name: string;
  departmentId: number | null;
  /** How many tickets it held once topped up. */
  total: number;
}

const countOf = async (backend: Backend, viewId: number): Promise<number> => (await backend.api('GET', `/views/${viewId}/count`, backend.tokens[LEAD]!)).body.total;

/** The "Open tickets" view of each of the lead's departments, topped up past 50 tickets so "select all" makes a mass job. */
async function topUpOpenTickets(backend: Backend): Promise<Map<string, ViewJson>> {
  const token = backend.tokens[LEAD]!;
  const me = (await backend.api('GET', '/me', token)).body;
  const found = new Map<string, ViewJson>();
  for (const { departmentId, departmentName } of me.departments as { departmentId: number; departmentName: string }[]) {
    const view = (await backend.api<{ items: ViewJson[] }>('GET', `/views?departmentId=${departmentId}`, token)).body.items.find((v) => v.name === 'Open tickets')!;
    let total = await countOf(backend, view.id);
    for (; total <= 60; total++) {
      const res = await backend.api('POST', '/tickets', token, {
        departmentId,
        channel: 'email',
        subject: `Outage report ${total}`,
        contact: { email: 'outage@customer.example', name: 'Outage' },
      });
      expect(res.status).toBe(201);
    }
    expect(await countOf(backend, view.id)).toBe(total);
    found.set(departmentName, { ...view, total });
  }
  return found;
}

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Gmail: select all tickets of a view and update their resolution as a mass action; delete asks for the count typed back', async ({ backend, connect, gmail }) => {
  const views = await topUpOpenTickets(backend);
  const support = views.get('Support')!;
  const own = await createTicket(
    backend,
    {
      departmentId: support.departmentId!,
      subject: 'Mass walk-through',
      contact: { email: 'max.mass@mailbox.example', name: 'Max Mass' },
      gmailThread: THREAD,
      body: 'The outage again.',
    },
    LEAD,
  );
  cleanup = [own];
  await connect(LEAD);
  const inbox = await gmail();
  await expect(inbox.badge(THREAD)).toContainText(`#${own.number} `);
  await inbox.select(THREAD);
  const bar = inbox.bar;
  // The bar offers the views of the selected ticket's department.
  const viewId = Number(await bar.massView.locator('option', { hasText: /^Open tickets$/ }).getAttribute('value'));
  expect(viewId).toBe(support.id);
  await bar.massView.selectOption(String(viewId));
  const total = await countOf(backend, viewId);
  // The topped-up view, and this walk-through's ticket in it.
  expect(total).toBe(support.total + 1);
  const count = total.toLocaleString('en-US');
  await bar.button(`Select all ${count} tickets in this view`).click();
  await expect(bar.root).toContainText(`All ${count} tickets in the view “Open tickets” are selected (mass action)`);
  // R-BULK-2: only the mass column is offered; close is refused with the rule.
  await expect(bar.button('Close', true)).toHaveCount(0);

  const sheet = await bar.start('Delete');
  await sheet.precheck.click();
  const run = sheet.runOn(count);
  await expect(run).toBeDisabled();
  await sheet.typedCount.fill(String(total - 1));
  await expect(run).toBeDisabled();
  // A Japanese IME types full-width digits.
  await sheet.typedCount.fill(String(total).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
  await expect(run).toBeEnabled();
  await sheet.cancel.click();

  await bar.start('Update resolution');
  await sheet.field('Resolution').fill('Fixed by the 4.2 outage patch');
  await sheet.precheck.click();
  await expect(sheet.root).toContainText(`Update resolution will run on the ${count} tickets the view holds now`);
  await run.click();
  await expect(bar.root.getByRole('status').filter({ hasText: `Done: ${count} changed, 0 failed` })).toBeVisible({ timeout: 60_000 });
  expect((await backend.api('GET', `/tickets/${own.id}`, backend.tokens[LEAD]!)).body.resolution).toBe('Fixed by the 4.2 outage patch');

  const token = backend.tokens[LEAD]!;
  const jobs = (await backend.api('GET', '/jobs?mode=mass', token)).body.items;
  expect(jobs[0]).toMatchObject({ operation: 'update_resolution', mode: 'mass', viewName: 'Open tickets', status: 'completed', counts: { total, done: total, failed: 0 } });
});

test('Popup: select all tickets of a department view, prepare a move with the count typed back, and see mass history apart', async ({ backend, connect, popup }) => {
  const view = (await topUpOpenTickets(backend)).get('Support')!;
  const total = await countOf(backend, view.id);
  const done = await runJob(backend, { operation: 'update_resolution', viewId: view.id, departmentId: view.departmentId, payload: { text: 'Known issue' } }, LEAD);
  expect(done).toMatchObject({ mode: 'mass', counts: { total, done: total, failed: 0 } });
  await connect(LEAD);
  const mass = await popup();
  await mass.openMass();
  // Across departments each view names its department; once Support is picked, only its views (and "All departments") remain.
  await expect(mass.massView.locator('option', { hasText: 'Billing · Open tickets' })).toHaveCount(1);
  await mass.massDepartment.selectOption({ label: 'Support' });
  await expect(mass.massView.locator('option', { hasText: 'Billing' })).toHaveCount(0);
  await mass.massView.selectOption({ label: 'Open tickets' });
  const count = total.toLocaleString('en-US');
  await mass.selectAll(count).click();
  await mass.operation('Move').click();
  const sheet = mass.sheet;
  await expect(sheet.precheck).toBeDisabled();
  await sheet.field('To department').selectOption({ label: 'Billing' });
  await sheet.precheck.click();
  await expect(sheet.root).toContainText(`Type the number of tickets (${count}) to confirm`);
  await expect(sheet.runOn(count)).toBeDisabled();
  await sheet.cancel.click();
  await mass.clearSelection.click();

  await mass.openJobs({ mode: 'mass', state: 'Completed' });
  await expect(mass.jobs('View: Open tickets').first()).toContainText('mass');
  await expect(mass.jobs(' bulk ')).toHaveCount(0);
});
