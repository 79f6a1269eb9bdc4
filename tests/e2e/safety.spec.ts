import type { Page } from '@playwright/test';
import { AGENT, ADMIN, badges, expect, test } from './harness';

/** Console errors a Trusted Types violation or a crash in our content script would leave. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test.describe('hostile mail and unknown pages', () => {
  test('markup in subjects and sender names never executes, and becomes a ticket as plain text', async ({ backend, connect, gmail }) => {
    await connect(AGENT);
    const page = await gmail('?thread=19a0c0ffee000004');
    const errors = watchErrors(page);
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect(page.getByRole('heading', { name: /Ticket #\d+/ })).toBeVisible();
    await page.getByRole('button', { name: 'Back to Inbox' }).click();
    const row = page.locator('tr.zA').filter({ has: page.locator('[data-legacy-thread-id="19a0c0ffee000004"]') });
    await expect(row).toContainText('<img src=x onerror=alert(1)> urgent');
    await expect(row.locator('inbox-desk-badge')).toHaveCount(1);
    await expect(page.locator('img[src=x]')).toHaveCount(0);
    const created = (await backend.liveTickets(backend.tokens[AGENT]!)).find((t) => t.webmailThreads.some((w) => w.threadId === '19a0c0ffee000004'))!;
    const ticket = await backend.api('GET', `/tickets/${created.id}`, backend.tokens[AGENT]!);
    expect(ticket.body.subject).toBe('<img src=x onerror=alert(1)> urgent');
    expect(errors.filter((e) => /trusted|TrustedHTML|Inbox Desk/i.test(e))).toEqual([]);
  });

  test('the hostile Gmail fixture under Trusted Types: the content script runs and nothing executes', async ({ connect, gmail }) => {
    await connect(AGENT);
    const page = await gmail('fixture/gmail-inbox');
    const errors = watchErrors(page);
    await expect(page.getByRole('toolbar', { name: 'Inbox Desk' })).toContainText('2 selected · 0 tickets');
    await expect(page.locator('tr.zA').filter({ hasText: '<img src=x onerror=alert(1)>' })).toHaveCount(1);
    await expect(page.locator('img[src=x]')).toHaveCount(0);
    expect(errors.filter((e) => /trusted/i.test(e))).toEqual([]);
  });

  test('a page the selectors do not recognise gets the limited-mode notice and is left alone', async ({ connect, gmail }) => {
    await connect(AGENT);
    const page = await gmail('fixture/gmail-changed');
    const before = await page.locator('body').innerText();
    await expect(page.getByText('Inbox Desk: limited mode')).toBeVisible({ timeout: 20_000 });
    await expect(badges(page)).toHaveCount(0);
    expect(await page.locator('body').innerText()).toContain(before.trim().split('\n')[0]!);
  });
});

test('Outlook on the web: a badge on the row whose conversation has a ticket, and the selection count', async ({ backend, connect, context }) => {
  const convId = 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAB1cKq7mUxNPkY0xT3r9O2Q=';
  const me = await backend.api('GET', '/me', backend.tokens[ADMIN]!);
  const support = me.body.departments.find((d: { departmentName: string }) => d.departmentName === 'Support');
  const created = await backend.api('POST', '/tickets', backend.tokens[ADMIN]!, {
    departmentId: support.departmentId,
    channel: 'email',
    subject: 'Order missing',
    contact: { email: 'alice@customer.test', name: 'Alice Customer' },
    webmailThread: { provider: 'outlook', mailbox: 'support@acme.test', threadId: convId },
  });
  // Another walk-through on this backend may have linked the conversation already: 409 names its ticket.
  expect([201, 409]).toContain(created.status);
  const number = created.status === 201 ? created.body.number : created.body.error.details.number;
  await connect(AGENT);
  const page = await context.newPage();
  await page.goto('https://outlook.office.com/mail/');
  const row = page.locator(`[role=option][data-convid="${convId}"]`);
  await expect(row.locator('inbox-desk-badge')).toContainText(`#${number}`);
  const withTickets = await badges(page).count();
  expect(withTickets).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('toolbar', { name: 'Inbox Desk' })).toContainText(/2 selected · [12] tickets?/);
});
