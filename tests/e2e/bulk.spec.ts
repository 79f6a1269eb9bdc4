import type { Page } from '@playwright/test';
import { AGENT, expect, test } from './harness';

async function selectRowsWithTickets(page: Page, count: number): Promise<string[]> {
  const rows = page.locator('tr.zA').filter({ has: page.locator('inbox-desk-badge') });
  await expect(rows.first()).toBeVisible();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    ids.push((await row.locator('[data-legacy-thread-id]').getAttribute('data-legacy-thread-id'))!);
    await row.locator('[role=checkbox]').click();
  }
  return ids;
}

const rowOf = (page: Page, threadId: string) => page.locator('tr.zA').filter({ has: page.locator(`[data-legacy-thread-id="${threadId}"]`) });

test('Gmail: select rows, pre-check, assign and close them, see the result on the badges and in the popup history', async ({ backend, connect, gmail, context, extensionId }) => {
  await connect(AGENT);
  const page = await gmail();
  const threadIds = await selectRowsWithTickets(page, 2);
  const bar = page.getByRole('toolbar', { name: 'Inbox Desk' });
  await expect(bar).toContainText('2 selected · 2 tickets');

  await expect(bar.getByRole('button', { name: 'Delete' })).toHaveAttribute('title', /R-PERM-5: .*ticket\.delete/);

  await bar.getByLabel('Agent').selectOption({ index: 1 });
  await bar.getByRole('button', { name: 'Assign' }).click();
  const sheet = page.getByRole('dialog', { name: 'Check before running' });
  await expect(sheet).toContainText(/Assign: [12] of 2 tickets will be changed/);
  await sheet.getByRole('button', { name: 'Run it' }).click();
  await expect(bar.getByRole('status').filter({ hasText: /Done: \d changed, \d failed/ })).toBeVisible({ timeout: 30_000 });

  await bar.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toContainText('Close: 2 of 2 tickets will be changed');
  await sheet.getByRole('button', { name: 'Run it' }).click();
  await expect(bar.getByRole('status').filter({ hasText: 'Done: 2 changed, 0 failed' })).toBeVisible({ timeout: 30_000 });
  for (const id of threadIds) await expect(rowOf(page, id).locator('inbox-desk-badge')).toContainText('Closed');

  const token = backend.tokens[AGENT]!;
  const jobs = (await backend.api('GET', '/jobs?status=completed', token)).body.items;
  expect(jobs.map((j: { operation: string }) => j.operation).slice(0, 2)).toEqual(['close', 'assign']);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('tab', { name: 'Jobs', exact: true }).click();
  await popup.getByRole('tab', { name: 'Completed' }).click();
  await expect(popup.getByRole('listitem').filter({ hasText: 'Close' }).first()).toContainText('2 of 2 done, 0 failed');
  await popup.getByLabel('Operation').selectOption('assign');
  await expect(popup.getByRole('listitem').filter({ hasText: 'Close' })).toHaveCount(0);
  const me = (await backend.api('GET', '/me', token)).body;
  await expect(popup.getByRole('listitem').filter({ hasText: 'Assign' }).first()).toContainText(`Started by ${me.agent.name}`);
});

test('Outlook: select rows with tickets and close them in bulk', async ({ backend, connect, context }) => {
  const selected = ['AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAB1cKq7mUxNPkY0xT3r9O2Q=', 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAPo4n1Jr3FxEjv8a2Yc1WkE='];
  const admin = backend.tokens['admin@demo.example']!;
  const me = await backend.api('GET', '/me', admin);
  const support = me.body.departments.find((d: { departmentName: string }) => d.departmentName === 'Support');
  for (const threadId of selected) {
    const res = await backend.api('POST', '/tickets', admin, {
      departmentId: support.departmentId,
      channel: 'email',
      subject: 'Outlook conversation',
      contact: { email: 'bob@buyer.test', name: 'Bob Buyer' },
      webmailThread: { provider: 'outlook', mailbox: 'support@acme.test', threadId },
    });
    expect([201, 409]).toContain(res.status);
  }
  await connect(AGENT);
  const page = await context.newPage();
  await page.goto('https://outlook.office.com/mail/');
  const bar = page.getByRole('toolbar', { name: 'Inbox Desk' });
  await expect(bar).toContainText('2 selected · 2 tickets');
  await bar.getByRole('button', { name: 'Close' }).click();
  const sheet = page.getByRole('dialog', { name: 'Check before running' });
  await expect(sheet).toContainText(/Close: [12] of 2 tickets will be changed/);
  await sheet.getByRole('button', { name: 'Run it' }).click();
  await expect(bar.getByRole('status').filter({ hasText: /Done: [12] changed/ })).toBeVisible({ timeout: 30_000 });
  for (const threadId of selected) await expect(page.locator(`[role=option][data-convid="${threadId}"] inbox-desk-badge`)).toContainText('Closed');
});

test('Gmail: selected conversations without a ticket become tickets in one step', async ({ connect, gmail }) => {
  await connect(AGENT);
  const page = await gmail();
  const row = rowOf(page, '19a0c0ffee000002');
  await expect(page.locator('inbox-desk-badge').first()).toBeVisible();
  await expect(row.locator('inbox-desk-badge')).toHaveCount(0);
  await row.locator('[role=checkbox]').click();
  const bar = page.getByRole('toolbar', { name: 'Inbox Desk' });
  await expect(bar).toContainText('1 selected · 0 tickets');
  await bar.getByRole('button', { name: 'Create 1 tickets' }).click();
  await expect(row.locator('inbox-desk-badge')).toContainText(/#\d+ · Open/);
  await expect(bar).toContainText('1 selected · 1 tickets');
});
