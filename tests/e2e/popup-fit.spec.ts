import type { Page } from '@playwright/test';
import { createTicket, departmentId, runJob, trash } from './data';
import { expect, LEAD, test } from './harness';

/** Chrome opens a popup between 360 and 800 px wide; the dashboard must work at both ends and in between (issue 26). */
const WIDTHS = [360, 420, 800];
const TABS = ['Overview', 'Jobs', 'Deliveries', 'Mass actions', 'Trash'];

/** Elements that reach past the right edge, or a page that scrolls sideways: what a clipped popup looks like. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} → ${Math.round(el.getBoundingClientRect().right)} px`);
    return { scrolls: document.documentElement.scrollWidth > width, past: past.slice(0, 5) };
  });
}

test('Popup: every tab fits 360, 420 and 800 px without sideways scrolling or clipped controls', async ({ connect, popup }) => {
  await connect(LEAD);
  const dashboard = await popup();
  await expect(dashboard.dashboardReady).toBeVisible();
  for (const width of WIDTHS) {
    await dashboard.page.setViewportSize({ width, height: 600 });
    for (const name of TABS) {
      await dashboard.tab(name).click();
      await expect(dashboard.tab(name)).toHaveAttribute('aria-selected', 'true');
      // Let the tab's lists arrive before measuring them.
      await dashboard.page.waitForLoadState('networkidle').catch(() => undefined);
      await dashboard.page.waitForTimeout(300);
      expect(await overflowing(dashboard.page), `${name} at ${width} px`).toEqual({ scrolls: false, past: [] });
    }
  }
});

test('Popup: dark mode follows the browser', async ({ connect, popup }) => {
  await connect(LEAD);
  const dashboard = await popup();
  await expect(dashboard.dashboardReady).toBeVisible();
  const colours = () => dashboard.page.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }));
  await dashboard.page.emulateMedia({ colorScheme: 'light' });
  expect(await colours()).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(32, 33, 36)' });
  await dashboard.page.emulateMedia({ colorScheme: 'dark' });
  expect(await colours()).toEqual({ background: 'rgb(32, 33, 36)', text: 'rgb(232, 234, 237)' });
});

test('Popup: the job history opens on the tab that has entries, and stays on the one the agent picks', async ({ backend, connect, popup }) => {
  const support = await departmentId(backend, 'Support', LEAD);
  const made = await createTicket(backend, { departmentId: support, subject: 'Popup history', contact: { email: 'popup.history@customer.example', name: 'Popup History' } }, LEAD);
  // Nothing is running and one job has finished: the history opens on Completed, not on an empty Running.
  await runJob(backend, { operation: 'close', payload: {}, ticketIds: [made.id], departmentId: support }, LEAD);
  await connect(LEAD);
  const dashboard = await popup();
  await dashboard.tab('Jobs').click();
  await expect(dashboard.tab('Completed')).toHaveAttribute('aria-selected', 'true');
  await expect(dashboard.jobs('Close').first()).toContainText('1 of 1 done, 0 failed');
  await dashboard.tab('Running').click();
  await dashboard.page.waitForTimeout(2500);
  await expect(dashboard.tab('Running')).toHaveAttribute('aria-selected', 'true');
  await trash(backend, [made]);
});
