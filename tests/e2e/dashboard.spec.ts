import { expect, LEAD, test } from './harness';

interface TicketJson {
  id: number;
  number: number;
  status: string;
  spam: boolean;
  mergedIntoId: number | null;
  createdAt: string;
  webmailThreads: { provider: string; mailbox: string; threadId: string }[];
}

test('Popup dashboard: a lead sees the open tickets of their departments and opens the oldest waiting one on its own page', async ({ backend, connect, context, popup }) => {
  await connect(LEAD);
  const live = (await backend.liveTickets(backend.tokens[LEAD]!)) as unknown as TicketJson[];
  const open = live.filter((t) => t.status !== 'closed' && !t.spam && !t.mergedIntoId);
  const oldest = open.filter((t) => t.status === 'open' || t.status === 'escalated').sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
  // The demo's oldest waiting ticket came in by chat: no webmail conversation to open, so the dashboard opens its own page.
  expect(oldest.webmailThreads).toEqual([]);

  const dashboard = await popup();
  await expect(dashboard.dashboardReady).toBeVisible();
  await expect(dashboard.openTickets(open.length)).toBeVisible({ timeout: 30_000 });
  await expect(dashboard.chart).toBeVisible();

  const first = dashboard.waiting.getByRole('button').first();
  await expect(first).toContainText(`#${oldest.number} `);
  const [opened] = await Promise.all([context.waitForEvent('page'), first.click()]);
  await expect(opened).toHaveURL(new RegExp(`/ticket\\.html\\?id=${oldest.id}$`));
  await expect(opened.getByRole('heading', { level: 1 })).toContainText(`#${oldest.number}`);
});
