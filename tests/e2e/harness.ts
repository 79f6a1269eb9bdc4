import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { DEV_EXTENSION_ID } from '../../dev-extension';
import { Backend } from './backend';

const root = path.resolve(import.meta.dirname, '../..');
const EXTENSION = path.join(root, '.output/chrome-mv3-dev');
const FIXTURES = path.join(root, 'tests/webmail/fixtures');
/** Gmail's own policy; the fixtures are served with it so any innerHTML in our code would throw. */
const TRUSTED_TYPES = "require-trusted-types-for 'script'";

export const AGENT = 'agent@demo.example';
export const ADMIN = 'admin@demo.example';

async function launch(): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'inbox-desk-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'en-US',
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
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

/** Gmail pages: the backend's demo mailbox under mail.google.com, or a fixture file by name. */
async function routeWebmail(context: BrowserContext, backend: Backend) {
  await context.route('https://mail.google.com/**', async (route) => {
    const url = new URL(route.request().url());
    const fixture = /\/fixture\/([\w-]+)$/.exec(url.pathname);
    if (fixture) {
      return route.fulfill({
        body: readFileSync(path.join(FIXTURES, `${fixture[1]}.html`), 'utf8'),
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': TRUSTED_TYPES },
      });
    }
    const demo = await fetch(`${backend.url}/demo/gmail${url.search}`);
    return route.fulfill({
      status: demo.status,
      body: await demo.text(),
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': demo.headers.get('Content-Security-Policy')! },
    });
  });
  await context.route('https://outlook.office.com/**', (route) =>
    route.fulfill({
      body: readFileSync(path.join(FIXTURES, 'outlook-inbox.html'), 'utf8'),
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    }),
  );
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  connect: (email?: string) => Promise<void>;
  gmail: (search?: string) => Promise<Page>;
}

export const test = base.extend<Fixtures, { backend: Backend }>({
  backend: [
    async ({}, use) => {
      const backend = new Backend();
      await backend.prepare([AGENT, ADMIN]);
      await backend.start();
      await use(backend);
      await backend.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  context: async ({ backend }, use) => {
    const context = await launch();
    await routeWebmail(context, backend);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    expect(id).toBe(DEV_EXTENSION_ID);
    await use(id);
  },
  connect: async ({ context, extensionId, backend }, use) => {
    await use(async (email = AGENT) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await page.getByLabel('Backend URL').fill(backend.url);
      await page.getByLabel('API token').fill(backend.tokens[email]!);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText(/Connected as/)).toBeVisible();
      await page.close();
    });
  },
  gmail: async ({ context }, use) => {
    await use(async (search = '') => {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        throw new Error(`A dialog opened on the webmail page: ${dialog.message()}`);
      });
      await page.goto(`https://mail.google.com/mail/u/0/${search}`);
      return page;
    });
  },
});

export { expect };

/** The badge hosts our content script adds; Playwright pierces their open shadow roots. */
export const badges = (page: Page) => page.locator('inbox-desk-badge');
