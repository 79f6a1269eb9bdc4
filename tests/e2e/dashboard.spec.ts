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

test('Popup dashboard: a lead sees the open tickets of their departments and opens the oldest waiting one in its webmail or on its own page', async ({ backend, connect, context, extensionId }) => {
  await connect(LEAD);
  const live = (await backend.liveTickets(backend.tokens[LEAD]!)) as unknown as TicketJson[];
  const open = live.filter((t) => t.status !== 'closed' && !t.spam && !t.mergedIntoId);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('dashboard-ready')).toBeVisible();
  await expect(popup.getByRole('heading', { name: `Open tickets: ${open.length}` })).toBeVisible({ timeout: 30_000 });
  await expect(popup.getByRole('img', { name: /Tickets created and closed per day, last 14 days/ })).toBeVisible();

  const waiting = popup.getByTestId('dashboard-waiting');
  const first = waiting.getByRole('button').first();
  const oldest = open.filter((t) => t.status === 'open' || t.status === 'escalated').sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
  await expect(first).toContainText(`#${oldest.number}`);
  const [opened] = await Promise.all([context.waitForEvent('page'), first.click()]);
  const thread = oldest.webmailThreads[0];
  if (thread) {
    await expect(opened).toHaveURL(`https://mail.google.com/mail/u/${thread.mailbox}/#all/${thread.threadId}`);
  } else {
    await expect(opened).toHaveURL(new RegExp(`/ticket\\.html\\?id=${oldest.id}$`));
    await expect(opened.getByRole('heading', { level: 1 })).toContainText(`#${oldest.number}`);
  }
});
