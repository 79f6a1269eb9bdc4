import { AGENT, expect, test } from './harness';

test('a change made while the backend is down is delivered exactly once when it is back', async ({ backend, connect, gmail, context, extensionId }) => {
  await connect(AGENT);
  const token = backend.tokens[AGENT]!;
  const target = (await backend.liveTickets(token)).find(
    (t) => t.priority !== 'urgent' && !t.status.startsWith('closed') && t.webmailThreads.some((w) => w.provider === 'gmail'),
  )!;
  const threadId = target.webmailThreads.find((w) => w.provider === 'gmail')!.threadId;
  const page = await gmail(`?thread=${threadId}`);
  await expect(page.getByRole('heading', { name: `Ticket #${target.number}` })).toBeVisible();

  await backend.stop();
  await page.getByLabel('Priority').selectOption('urgent');
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this computer' })).toBeVisible();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText(`Update ticket #${target.number}`)).toBeVisible();

  await backend.start();
  await expect(options.getByText('Every change has reached the server.')).toBeVisible({ timeout: 60_000 });
  const after = await backend.api('GET', `/tickets/${target.id}`, token);
  expect(after.body.priority).toBe('urgent');
  expect(after.body.version).toBe(target.version + 1);
  const history = await backend.api('GET', `/tickets/${target.id}/history`, token);
  const priorityChanges = history.body.items.filter((h: { changes: Record<string, unknown> }) => 'priority' in h.changes);
  expect(priorityChanges).toHaveLength(1);
});
