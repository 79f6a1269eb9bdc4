import { ADMIN, expect, test } from './harness';

const ELIGIBLE = ['email', 'web', 'phone'];

test('Gmail: bulk reply from a template, preview it for one ticket, send, undo window, delivery in the popup history', async ({ backend, connect, gmail, context, extensionId }) => {
  const token = backend.tokens[ADMIN]!;
  const page = await (async () => {
    await connect(ADMIN);
    return gmail();
  })();
  const rows = page.locator('tr.zA').filter({ has: page.locator('inbox-desk-badge') });
  await expect(rows.first()).toBeVisible();
  // Two conversations whose tickets can take an e-mail reply, in one department (R-REPLY-4, R-REPLY-6).
  const onPage = await rows.locator('[data-legacy-thread-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-legacy-thread-id')!));
  const tickets = (await backend.liveTickets(token)) as unknown as { id: number; departmentId: number; channel: string; webmailThreads: { threadId: string }[] }[];
  const byThread = new Map(tickets.flatMap((t) => t.webmailThreads.map((w) => [w.threadId, t] as const)));
  const candidates = onPage.map((id) => ({ id, ticket: byThread.get(id) })).filter((c) => c.ticket && ELIGIBLE.includes(c.ticket.channel));
  const department = candidates[0]!.ticket!.departmentId;
  const chosen = candidates.filter((c) => c.ticket!.departmentId === department).slice(0, 2);
  expect(chosen).toHaveLength(2);
  for (const c of chosen) await rows.filter({ has: page.locator(`[data-legacy-thread-id="${c.id}"]`) }).locator('[role=checkbox]').click();

  const bar = page.getByRole('toolbar', { name: 'Inbox Desk' });
  await bar.getByRole('button', { name: 'Reply to 2 tickets' }).click();
  const composer = page.getByRole('dialog', { name: 'Bulk reply to 2 tickets' });
  await composer.getByLabel('Template').selectOption({ index: 1 });
  await expect(composer.getByLabel('Message')).not.toHaveValue('');
  await composer.getByLabel('Subject').fill('About your request [#{{ticket.number}}]');
  await composer.getByLabel('Message').fill('Hello {{contact.nme}}');
  await expect(composer).toContainText('R-REPLY-2: unknown placeholder contact.nme');
  await composer.getByLabel('Message').fill('Hello {{contact.name}},\nthe outage is over.\n{{agent.name}}');
  await composer.getByRole('button', { name: 'Check and preview' }).click();
  await expect(composer).toContainText('2 of 2 tickets can get this reply by e-mail.');
  const sample = composer.getByTestId('reply-sample');
  await expect(sample).toContainText(/About your request \[#\d+\]/);
  await expect(sample).toContainText('the outage is over.');

  await composer.getByRole('button', { name: 'Send to 2 tickets' }).click();
  await expect(composer.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(composer).toContainText(/recipients delivered/, { timeout: 30_000 });
  const jobs = (await backend.api('GET', '/jobs?operation=reply', token)).body.items;
  const job = jobs[0];
  expect(job).toMatchObject({ status: 'completed', counts: { total: 2, done: 2 } });
  expect(job.delivery.counts.sent).toBe(job.delivery.total);
  expect(backend.smtp.received.filter((r) => /About your request/.test(r.mail.subject ?? '')).length).toBe(job.delivery.total);
  await expect(composer).toContainText(`${job.delivery.total} of ${job.delivery.total} recipients delivered`);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('tab', { name: 'Jobs', exact: true }).click();
  await popup.getByRole('tab', { name: 'Completed' }).click();
  await popup.getByLabel('Operation').selectOption('reply');
  await expect(popup.getByRole('listitem').filter({ hasText: 'Reply' }).first()).toContainText(`${job.delivery.total} of ${job.delivery.total} recipients delivered`);
});
