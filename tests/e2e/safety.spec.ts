import type { Page } from '@playwright/test';
import type { TicketJson } from './backend';
import { createTicket, departmentId, ticket, trash } from './data';
import { AGENT, expect, test } from './harness';
import { OutlookInbox } from './pages/outlook-inbox';

/** A conversation of the demo mailbox whose subject and sender try to inject markup; only this file makes it a ticket. */
const HOSTILE = '19a0c0ffee000004';

/** Console errors a Trusted Types violation or a crash in our content script would leave. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test.describe('hostile mail and unknown pages', () => {
  test('markup in subjects and sender names never executes, and becomes a ticket as plain text', async ({ backend, connect, gmail }) => {
    await connect(AGENT);
    const inbox = await gmail(`?thread=${HOSTILE}`);
    const errors = watchErrors(inbox.page);
    const number = await inbox.panel.create();
    await inbox.backToInbox();
    await expect(inbox.row(HOSTILE)).toContainText('<img src=x onerror=alert(1)> urgent');
    await expect(inbox.badge(HOSTILE)).toHaveCount(1);
    await expect(inbox.badge(HOSTILE)).toContainText(`#${number}`);
    await expect(inbox.page.locator('img[src=x]')).toHaveCount(0);
    const created = (await backend.liveTickets(backend.tokens[AGENT]!)).filter((t) => t.webmailThreads.some((w) => w.threadId === HOSTILE));
    expect(created.map((t) => t.number)).toEqual([number]);
    expect((await ticket(backend, created[0]!.id, AGENT)).subject).toBe('<img src=x onerror=alert(1)> urgent');
    expect(errors.filter((e) => /trusted|TrustedHTML|Inbox Desk/i.test(e))).toEqual([]);
  });

  test('the hostile Gmail fixture under Trusted Types: the content script runs and nothing executes', async ({ connect, gmail }) => {
    await connect(AGENT);
    const inbox = await gmail('fixture/gmail-inbox');
    const errors = watchErrors(inbox.page);
    await inbox.bar.expectSummary(2, 0);
    await expect(inbox.rows.filter({ hasText: '<img src=x onerror=alert(1)>' })).toHaveCount(1);
    await expect(inbox.page.locator('img[src=x]')).toHaveCount(0);
    expect(errors.filter((e) => /trusted/i.test(e))).toEqual([]);
  });

  test('a page the selectors do not recognise gets the limited-mode notice and is left alone', async ({ connect, gmail }) => {
    await connect(AGENT);
    const inbox = await gmail('fixture/gmail-changed');
    const before = await inbox.page.locator('body').innerText();
    await expect(inbox.limitedMode).toBeVisible({ timeout: 20_000 });
    await expect(inbox.badges).toHaveCount(0);
    expect(await inbox.page.locator('body').innerText()).toContain(before.trim().split('\n')[0]!);
  });
});

test('Outlook on the web: a badge on the row whose conversation has a ticket, and the selection count', async ({ backend, connect, outlook }) => {
  const tag = 'safety';
  const convId = OutlookInbox.conversation('open', tag);
  const created = await createTicket(backend, {
    departmentId: await departmentId(backend, 'Support'),
    subject: 'Order missing',
    contact: { email: 'alice@customer.test', name: 'Alice Customer' },
    outlookConversation: convId,
  });
  cleanup = [created];
  await connect(AGENT);
  const inbox = await outlook(tag);
  await expect(inbox.badge(convId)).toContainText(`#${created.number}`);
  // Only this walk-through's conversation has a ticket on its page: one badge, and one of the two selected rows.
  await expect(inbox.badges).toHaveCount(1);
  await inbox.bar.expectSummary(2, 1);
});
