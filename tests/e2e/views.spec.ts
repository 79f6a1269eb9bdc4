import type { TicketJson } from './backend';
import { trash } from './data';
import { expect, LEAD, test } from './harness';

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Popup: a lead creates the view "Priority high, unassigned", sees its count, assigns all its tickets and sees the result; then renames and deletes it', async ({
  backend,
  connect,
  popup,
}) => {
  const token = backend.tokens[LEAD]!;
  const me = (await backend.api('GET', '/me', token)).body;
  const support = (me.departments as { departmentId: number; departmentName: string }[]).find((d) => d.departmentName === 'Support')!;
  // A tag of this run's own keeps the count exact whatever other walk-throughs left in the department.
  const tag = `views-e2e-${Date.now()}`;
  for (const [i, priority] of (['high', 'high', 'high', 'low'] as const).entries()) {
    const res = await backend.api<TicketJson>('POST', '/tickets', token, {
      departmentId: support.departmentId,
      channel: 'email',
      subject: `Printer on fire ${i}`,
      contact: { email: `fire.${i}@customer.example`, name: 'Fire' },
      priority,
      tags: [tag],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    cleanup.push(res.body);
  }

  await connect(LEAD);
  const mass = await popup();
  await mass.openMass();
  const page = mass.page;
  await page.getByRole('button', { name: 'New view' }).click();
  const form = page.getByRole('form', { name: 'New view' });
  const save = form.getByRole('button', { name: 'Save view' });
  // Nothing typed yet: the button says what is missing instead of doing nothing.
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await expect(form).toContainText('Give the view a name first.');
  await form.getByTestId('view-name').fill('Priority high, unassigned');
  await form.getByTestId('view-department').selectOption({ label: 'Support' });
  await form.getByRole('group', { name: 'Priority' }).getByLabel('High').check();
  await form.getByTestId('view-assignee').selectOption('unassigned');
  await form.getByLabel('Tags').fill(tag);
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the view "Priority high, unassigned"' })).toBeVisible();

  const listed = page.getByRole('region', { name: 'Your views' }).getByRole('listitem').filter({ hasText: 'Priority high, unassigned' });
  await expect(listed.getByTestId('view-count')).toHaveText('3 tickets now');

  // The new view is offered for "select all" at once, and acting on it assigns exactly its three tickets.
  await mass.massDepartment.selectOption({ label: 'Support' });
  await mass.massView.selectOption({ label: 'Priority high, unassigned' });
  await mass.selectAll('3').click();
  await mass.operation('Assign').click();
  const sheet = mass.sheet;
  await sheet.field('Agent').selectOption({ index: 1 });
  await sheet.precheck.click();
  await sheet.runOn('3').click();
  await expect(page.getByRole('status').filter({ hasText: 'Done: 3 changed, 0 failed' })).toBeVisible({ timeout: 60_000 });
  for (const t of cleanup) {
    const after = (await backend.api('GET', `/tickets/${t.id}`, token)).body;
    expect(after.assigneeAgentId !== null).toBe(t.priority === 'high');
  }

  // Assigned now, so the view matches none of them.
  await page.getByRole('button', { name: 'Edit the view "Priority high, unassigned"' }).click();
  const edit = page.getByRole('form', { name: 'Edit the view "Priority high, unassigned"' });
  await edit.getByTestId('view-name').fill('High, unassigned (done)');
  await edit.getByRole('button', { name: 'Save view' }).click();
  const renamed = page.getByRole('region', { name: 'Your views' }).getByRole('listitem').filter({ hasText: 'High, unassigned (done)' });
  await expect(renamed.getByTestId('view-count')).toHaveText('0 tickets now');

  // A job ran on it, so the backend keeps it for the job history and says so.
  await page.getByRole('button', { name: 'Delete the view "High, unassigned (done)"' }).click();
  await renamed.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('is named in the history of jobs that ran on it');
});
