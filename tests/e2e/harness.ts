import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test as base, type BrowserContext } from '@playwright/test';
import { DEV_EXTENSION_ID } from '../../dev-extension';
import { connectExtension, extensionIdOf, launchChromium } from '../../scripts/extension-browser';
import { Backend } from './backend';
import { GmailInbox } from './pages/gmail-inbox';
import { OptionsPage } from './pages/options';
import { OutlookInbox } from './pages/outlook-inbox';
import { Popup } from './pages/popup';

const root = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(root, 'tests/webmail/fixtures');
/** Gmail's own policy; the fixtures are served with it so any innerHTML in our code would throw. */
const TRUSTED_TYPES = "require-trusted-types-for 'script'";

export const AGENT = 'agent@demo.example';
export const ADMIN = 'admin@demo.example';
export const LEAD = 'lead@demo.example';

/** Gmail pages: the backend's demo mailbox under mail.google.com, or a fixture file by name. */
export async function routeWebmail(context: BrowserContext, backend: Backend) {
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
  /** A new tab on the demo Gmail: the inbox list, '?thread=<id>', or 'fixture/<name>'. */
  gmail: (search?: string) => Promise<GmailInbox>;
  /** A new tab on the Outlook fixture whose conversation ids carry `tag` (see OutlookInbox). */
  outlook: (tag: string) => Promise<OutlookInbox>;
  popup: () => Promise<Popup>;
  options: (section?: string) => Promise<OptionsPage>;
}

export const test = base.extend<Fixtures, { backend: Backend }>({
  backend: [
    async ({}, use) => {
      const backend = new Backend();
      await backend.prepare([AGENT, ADMIN, LEAD]);
      await backend.start();
      await use(backend);
      await backend.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  context: async ({ backend }, use) => {
    const context = await launchChromium();
    await routeWebmail(context, backend);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const id = await extensionIdOf(context);
    expect(id).toBe(DEV_EXTENSION_ID);
    await use(id);
  },
  connect: async ({ context, extensionId: _loaded, backend }, use) => {
    await use((email = AGENT) => connectExtension(context, backend.url, backend.tokens[email]!));
  },
  gmail: async ({ context }, use) => {
    await use(async (search = '') => {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        throw new Error(`A dialog opened on the webmail page: ${dialog.message()}`);
      });
      const inbox = new GmailInbox(page);
      await inbox.goto(search);
      return inbox;
    });
  },
  outlook: async ({ context }, use) => {
    await use((tag) => OutlookInbox.open(context, tag));
  },
  popup: async ({ context, extensionId }, use) => {
    await use(() => Popup.open(context, extensionId));
  },
  options: async ({ context, extensionId }, use) => {
    await use((section) => OptionsPage.open(context, extensionId, section));
  },
});

export { expect };
