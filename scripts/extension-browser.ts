import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

export const DEV_EXTENSION_DIR = path.resolve(import.meta.dirname, '../.output/chrome-mv3-dev');

/**
 * Debian's Chromium (CHROMIUM_PATH overrides) with the development build (or `extensionDir`) loaded
 * unpacked; the network flags keep it from dialling Google's services on a closed network.
 */
export function launchChromium(options: { extension?: boolean; extensionDir?: string; headless?: boolean; userDataDir?: string } = {}): Promise<BrowserContext> {
  const { extension = true, extensionDir = DEV_EXTENSION_DIR, headless = true } = options;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'inbox-desk-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    locale: 'en-US',
    ...(headless ? {} : { viewport: null }),
    args: [
      ...(extension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/** Connects the extension the way a person does: options page, URL and token, Save. */
export async function connectExtension(context: BrowserContext, backendUrl: string, token: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
  // An admin's options page has more forms with a Save button (mailboxes, incoming mail settings).
  const form = page.getByRole('region', { name: 'Connection' });
  await form.getByLabel('Backend URL').fill(backendUrl);
  await form.getByLabel('API token').fill(token);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/Connected as/).waitFor();
  await page.close();
}
