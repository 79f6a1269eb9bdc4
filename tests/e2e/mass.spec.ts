import type { Page } from '@playwright/test';
import { expect, LEAD, test } from './harness';
import type { Backend } from './backend';

interface ViewJson {
  id: number;
  name: string;
  departmentId: number | null;
}

const countOf = async (backend: Backend, viewId: number): Promise<number> => (await backend.api('GET', `/views/${viewId}/count`, backend.tokens[LEAD]!)).body.total;

/** The "Open tickets" view of each of the lead's departments, topped up past 50 tickets so "select all" makes a mass job. */
async function topUpOpenTickets(backend: Backend): Promise<Map<string, ViewJson>> {
  const token = backend.tokens[LEAD]!;
  const me = (await backend.api('GET', '/me', token)).body;
  const found = new Map<string, ViewJson>();
  for (const { departmentId, departmentName } of me.departments as { departmentId: number; departmentName: string }[]) {
    const view = (await backend.api<{ items: ViewJson[] }>('GET', `/views?departmentId=${departmentId}`, token)).body.items.find((v) => v.name === 'Open tickets')!;
    for (let total = await countOf(backend, view.id); total <= 60; total++) {
      const res = await backend.api('POST', '/tickets', token, { departmentId, channel: 'email', subject: `Outage report ${total}`, contact: { email: 'outage@customer.example', name: 'Outage' } });
      expect(res.status).toBe(201);
    }
    found.set(departmentName, view);
  }
  return found;
}

async function selectOneRow(page: Page) {
  const row = page.locator('tr.zA').filter({ has: page.locator('inbox-desk-badge') }).first();
  await expect(row).toBeVisible();
  await row.locator('[role=checkbox]').click();
}

test('Gmail: select all tickets of a view and update their resolution as a mass action; delete asks for the count typed back', async ({ backend, connect, gmail }) => {
  await topUpOpenTickets(backend);
  await connect(LEAD);
  const page = await gmail();
  await selectOneRow(page);
  const bar = page.getByRole('toolbar', { name: 'Inbox Desk' });
  // The bar offers the views of the selected ticket's department.
  const viewId = Number(await bar.getByTestId('mass-view').locator('option', { hasText: /^Open tickets$/ }).getAttribute('value'));
  await bar.getByTestId('mass-view').selectOption(String(viewId));
  const total = await countOf(backend, viewId);
  const count = total.toLocaleString('en-US');
  await bar.getByRole('button', { name: `Select all ${count} tickets in this view` }).click();
  await expect(bar).toContainText(`All ${count} tickets in the view “Open tickets” are selected (mass action)`);
  // R-BULK-2: only the mass column is offered; close is refused with the rule.
  await expect(bar.getByRole('button', { name: 'Close' })).toHaveCount(0);

  await bar.getByRole('button', { name: 'Delete' }).click();
  const sheet = page.getByRole('dialog', { name: 'Check before running' });
  await sheet.getByRole('button', { name: 'Check before running' }).click();
  const run = sheet.getByRole('button', { name: `Run on ${count} tickets` });
  await expect(run).toBeDisabled();
  await sheet.getByTestId('mass-typed-count').fill(String(total - 1));
  await expect(run).toBeDisabled();
  // A Japanese IME types full-width digits.
  await sheet.getByTestId('mass-typed-count').fill(String(total).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
  await expect(run).toBeEnabled();
  await sheet.getByRole('button', { name: 'Cancel' }).click();

  await bar.getByRole('button', { name: 'Update resolution' }).click();
  await sheet.getByLabel('Resolution').fill('Fixed by the 4.2 outage patch');
  await sheet.getByRole('button', { name: 'Check before running' }).click();
  await expect(sheet).toContainText(`Update resolution will run on the ${count} tickets the view holds now`);
  await sheet.getByRole('button', { name: `Run on ${count} tickets` }).click();
  await expect(bar.getByRole('status').filter({ hasText: `Done: ${count} changed, 0 failed` })).toBeVisible({ timeout: 60_000 });

  const token = backend.tokens[LEAD]!;
  const jobs = (await backend.api('GET', '/jobs?mode=mass', token)).body.items;
  expect(jobs[0]).toMatchObject({ operation: 'update_resolution', mode: 'mass', viewName: 'Open tickets', status: 'completed', counts: { total, done: total, failed: 0 } });
});

test('Popup: select all tickets of a department view, prepare a move with the count typed back, and see mass history apart', async ({ backend, connect, context, extensionId }) => {
  const view = (await topUpOpenTickets(backend)).get('Support')!;
  const total = await countOf(backend, view.id);
  const token = backend.tokens[LEAD]!;
  const submitted = await backend.api('POST', '/jobs', token, { operation: 'update_resolution', viewId: view.id, departmentId: view.departmentId, payload: { text: 'Known issue' } });
  expect(submitted.status).toBe(202);
  await expect.poll(async () => (await backend.api('GET', `/jobs/${submitted.body.id}`, token)).body.status, { timeout: 60_000 }).toBe('completed');
  await connect(LEAD);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('tab', { name: 'Mass actions' }).click();
  // Across departments each view names its department; once Support is picked, only its views (and "All departments") remain.
  await expect(popup.getByTestId('mass-view').locator('option', { hasText: 'Billing · Open tickets' })).toHaveCount(1);
  await popup.getByTestId('mass-department').selectOption({ label: 'Support' });
  await expect(popup.getByTestId('mass-view').locator('option', { hasText: 'Billing' })).toHaveCount(0);
  await popup.getByTestId('mass-view').selectOption({ label: 'Open tickets' });
  const count = total.toLocaleString('en-US');
  await popup.getByRole('button', { name: `Select all ${count} tickets in this view` }).click();
  await popup.getByRole('button', { name: 'Move', exact: true }).click();
  const sheet = popup.getByRole('dialog', { name: 'Check before running' });
  await expect(sheet.getByRole('button', { name: 'Check before running' })).toBeDisabled();
  await sheet.getByLabel('To department').selectOption({ label: 'Billing' });
  await sheet.getByRole('button', { name: 'Check before running' }).click();
  await expect(sheet).toContainText(`Type the number of tickets (${count}) to confirm`);
  await expect(sheet.getByRole('button', { name: `Run on ${count} tickets` })).toBeDisabled();
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await popup.getByRole('button', { name: 'Clear selection' }).click();

  await popup.getByRole('tab', { name: 'Jobs', exact: true }).click();
  await popup.getByTestId('jobs-mode').selectOption('mass');
  await popup.getByRole('tab', { name: 'Completed' }).click();
  await expect(popup.getByRole('listitem').filter({ hasText: 'View: Open tickets' }).first()).toContainText('mass');
  await expect(popup.getByRole('listitem').filter({ hasText: ' bulk ' })).toHaveCount(0);
});
