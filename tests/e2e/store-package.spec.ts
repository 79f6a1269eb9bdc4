import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { DEV_EXTENSION_ID } from '../../dev-extension';
import { connectExtension, extensionIdOf, launchChromium } from '../../scripts/extension-browser';
import { Backend } from './backend';
import { AGENT, routeWebmail } from './harness';
import { GmailInbox } from './pages/gmail-inbox';
import { OptionsPage } from './pages/options';
import { buildStorePackage } from './store-package';

/**
 * The store package as a new user meets it: `npm run zip` on a clean clone, unpacked, loaded with
 * the random id Chrome gives it, against a backend started without CORS_ORIGINS.
 */
test.describe.configure({ mode: 'serial' });

/** The part of the extension API the checks below run in the service worker. */
interface Manifest {
  key?: string;
  permissions?: string[];
  icons: Record<string, string>;
  action: { default_icon: Record<string, string> };
}
declare const chrome: { runtime: { getManifest(): Manifest; getURL(path: string): string } };

const backend = new Backend();
let unpacked = '';
let context: BrowserContext;
let extensionId = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  unpacked = buildStorePackage().unpacked;
  backend.corsOrigins = '';
  await backend.prepare([AGENT]);
  await backend.start();
  context = await launchChromium({ extensionDir: unpacked });
  await routeWebmail(context, backend);
  extensionId = await extensionIdOf(context);
});

test.afterAll(async () => {
  await context?.close();
  await backend.close();
  if (unpacked) rmSync(path.dirname(unpacked), { recursive: true, force: true });
});

test('the zip loads as a production build with its icons, and nothing but the URL and token connects it', async () => {
  expect(extensionId).not.toBe(DEV_EXTENSION_ID);
  const worker = context.serviceWorkers()[0]!;
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.key).toBeUndefined();
  expect(manifest.permissions).toEqual(['storage', 'alarms']);
  const icons = await worker.evaluate(
    async (paths) => Promise.all(paths.map(async (p) => (await fetch(chrome.runtime.getURL(p))).headers.get('Content-Type'))),
    [...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)],
  );
  expect(icons).toEqual(Array(8).fill('image/png'));

  const options = await OptionsPage.open(context, extensionId);
  await options.backendUrl.fill('http://127.0.0.1:9');
  await options.apiToken.fill(backend.tokens[AGENT]!);
  await options.testConnection.click();
  await expect(options.alert).toContainText('Cannot reach http://127.0.0.1:9: nothing answers at this address');

  await options.backendUrl.fill(backend.url);
  await options.apiToken.fill('idk_wrong-token-0000000000');
  await options.testConnection.click();
  await expect(options.alert).toContainText(`The backend at ${backend.url} refused the API token (401)`);
  await options.page.close();

  await connectExtension(context, backend.url, backend.tokens[AGENT]!);
  const inbox = new GmailInbox(await context.newPage());
  await inbox.goto();
  await expect(inbox.badges.first()).toBeVisible();
  expect(await inbox.badges.count()).toBeGreaterThan(1);
});

test('a backend pinned to other extensions says which origin to add to CORS_ORIGINS', async () => {
  await backend.stop();
  backend.corsOrigins = `chrome-extension://${'a'.repeat(32)}`;
  await backend.start();
  const options = await OptionsPage.open(context, extensionId);
  await options.apiToken.fill(backend.tokens[AGENT]!);
  await options.testConnection.click();
  await expect(options.alert).toContainText(`refuses calls from this extension (chrome-extension://${extensionId}): add chrome-extension://${extensionId} to CORS_ORIGINS`);
});
