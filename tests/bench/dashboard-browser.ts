/** Chromium with an Inbox Desk build loaded, and the first-content measurement of one of its pages. */
import type { BrowserContext } from '@playwright/test';
import { extensionIdOf, launchChromium } from '../../scripts/extension-browser';

export interface Browser {
  context: BrowserContext;
  id: string;
}

/** Installed before any page script: notes the frame after the marker appears. Source text, not a function (see badges.ts). */
const MARKER_WATCH = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="dashboard-ready"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__dashboardPainted = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** Any build directory, not only the development one, with the same flags: both builds are measured alike. */
export async function openBrowser(extensionDir: string): Promise<Browser> {
  const context = await launchChromium({ extensionDir });
  await context.addInitScript(MARKER_WATCH);
  return { context, id: await extensionIdOf(context) };
}

/** Stops the extension's service worker (the next message starts it again), as Chrome does after ~30 s idle. */
export async function stopWorker({ context }: Browser) {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Opens an extension page in a fresh tab; ms from navigation start to the first frame with the marker. */
export async function firstContent({ context, id }: Browser, page: string): Promise<number> {
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${id}/${page}`);
  await tab.locator('[data-testid="dashboard-ready"]').waitFor();
  // Evaluated through the debugger, which the extension page's CSP (no eval) does not stop.
  const painted = (await tab.evaluate(`new Promise((resolve) => {
    const check = () => (window.__dashboardPainted === undefined ? requestAnimationFrame(check) : resolve(window.__dashboardPainted));
    check();
  })`)) as number;
  // The popup's refresh recomputes in the worker: let it finish before the next opening.
  if (page === 'popup.html') await tab.locator('[data-testid="dashboard-refresh"]:not([disabled])').waitFor();
  await tab.close();
  return painted;
}
