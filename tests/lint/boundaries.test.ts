import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// DESIGN.md: "ESLint keeps the boundaries (core pure; UI never imports selectors; only messaging/
// touches browser.runtime; routes call domain modules)". Each rule of eslint.config.js is shown a
// deliberate violation, in a file at the place it would be, and must report it — and only it.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The rule ids ESLint reports for `code` as if it were the file at `filePath` (relative to the root). */
async function rulesReported(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

const vue = (script: string, template = '<p>{{ 1 }}</p>') => `<script setup lang="ts">\n${script}\n</script>\n\n<template>\n  ${template}\n</template>\n`;

describe('core/ stays pure: no Vue, WXT, DOM, browser, Node or backend library', () => {
  it.each([
    ['core/example.ts', "import { ref } from 'vue';\nexport const count = ref(0);", 'no-restricted-imports'],
    ['core/example.ts', "import { defineStore } from 'pinia';\nexport const useX = defineStore('x', () => ({}));", 'no-restricted-imports'],
    ['core/example.ts', "import { useStorage } from '@vueuse/core';\nexport const s = useStorage('k', 1);", 'no-restricted-imports'],
    ['core/example.ts', "import { defineBackground } from '#imports';\nexport const main = defineBackground;", 'no-restricted-imports'],
    ['core/example.ts', "import { i18n } from '#i18n';\nexport const t = i18n.t;", 'no-restricted-imports'],
    ['core/example.ts', "import { storage } from 'wxt/utils/storage';\nexport const s = storage;", 'no-restricted-imports'],
    ['core/example.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;", 'no-restricted-imports'],
    ['core/example.ts', "import path from 'path';\nexport const join = path.join;", 'no-restricted-imports'],
    ['core/example.ts', "import { createHash } from 'crypto';\nexport const hash = createHash;", 'no-restricted-imports'],
    ['core/example.ts', "import { eq } from 'drizzle-orm';\nexport const same = eq;", 'no-restricted-imports'],
    ['core/example.ts', "import { eq } from 'drizzle-orm/sql';\nexport const same = eq;", 'no-restricted-imports'],
    ['core/example.ts', "import type { Hono } from 'hono';\nexport type App = Hono;", 'no-restricted-imports'],
    ['core/example.ts', "import { PGlite } from '@electric-sql/pglite';\nexport const db = PGlite;", 'no-restricted-imports'],
    ['core/example.ts', "import pg from 'pg';\nexport const Pool = pg.Pool;", 'no-restricted-imports'],
    ['core/example.ts', "import nodemailer from 'nodemailer';\nexport const mail = nodemailer;", 'no-restricted-imports'],
    ['core/example.ts', "import ky from 'ky';\nexport const http = ky;", 'no-restricted-imports'],
    ['core/example.ts', "import { openDB } from 'idb';\nexport const open = openDB;", 'no-restricted-imports'],
    ['core/example.ts', "export { threadUrl } from '../webmail/thread-url';", 'no-restricted-imports'],
    ['core/rules/example.ts', "import { db } from '../../server/db/client';\nexport const d = db;", 'no-restricted-imports'],
    ['core/rules/example.ts', "import { send } from '../../messaging/send';\nexport const s = send;", 'no-restricted-imports'],
    ['core/example.ts', "import { ROW } from '../webmail/gmail/selectors';\nexport const row = ROW;", 'no-restricted-imports'],
    ['core/example.ts', "export const load = () => import('idb');", 'no-restricted-syntax'],
    ['core/example.ts', "export type Ref = import('vue').Ref<number>;", 'no-restricted-syntax'],
    ['core/example.ts', 'export const add = (x: Node) => document.body.append(x);', 'no-restricted-globals'],
    ['core/example.ts', 'export const open = () => window.open();', 'no-restricted-globals'],
    ['core/example.ts', 'export const lang = () => navigator.language;', 'no-restricted-globals'],
    ['core/example.ts', 'export const get = () => chrome.storage.local.get();', 'no-restricted-globals'],
    ['core/example.ts', 'export const env = () => process.env.X;', 'no-restricted-globals'],
  ])('%s: %s', async (filePath, code, rule) => {
    expect(await rulesReported(filePath, code)).toEqual([rule]);
  });

  it('require() is reported too (and typescript-eslint refuses it everywhere)', async () => {
    expect(await rulesReported('core/example.ts', "export const load = () => require('fs');")).toEqual(['no-restricted-globals', '@typescript-eslint/no-require-imports']);
  });

  it('a global of the extension is reported under both rules that forbid it', async () => {
    expect(await rulesReported('core/example.ts', 'export const ask = () => browser.runtime.sendMessage({});')).toEqual(['no-restricted-globals', 'no-restricted-properties']);
  });

  it('passes pure code, comments that mention anything, and look-alike names', async () => {
    const fine = [
      "import { z } from 'zod';",
      "import { ticketId } from './pathways';",
      "import type { Ticket } from '../schemas/ticket';",
      '// the worker process. may die; document.body is not ours',
      '/* chrome.alarms retries */',
      'const myWindow = { open() {} };',
      'export const run = (obj: { process: { run(): void } }) => { myWindow.open(); obj.process.run(); };',
      'export const Id = z.string().transform(ticketId);',
      'export type T = Ticket;',
    ].join('\n');
    expect(await rulesReported('core/rules/example.ts', fine)).toEqual([]);
  });

  it('every file of core/ passes (this replaces the regex purity test)', async () => {
    const results = await eslint.lintFiles(['core']);
    expect(results.length).toBeGreaterThan(20);
    const boundary = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('no-restricted-')).map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(boundary).toEqual([]);
  });
});

describe('UI code never imports webmail/<provider>/selectors: only webmail/ does', () => {
  it.each([
    ['components/TicketExample.vue', vue("import { ROW } from '../webmail/gmail/selectors';\nconst count = () => document.querySelectorAll(ROW).length;", '<p>{{ count() }}</p>')],
    [
      'components/inbox/ticket/TicketExample.vue',
      vue("import { ROW } from '../../../webmail/outlook/selectors';\nconst count = () => document.querySelectorAll(ROW).length;", '<p>{{ count() }}</p>'),
    ],
    ['content/features/example.ts', "import { ROW } from '../../webmail/gmail/selectors.ts';\nexport const rows = () => document.querySelectorAll(ROW);"],
    ['entrypoints/popup/example.ts', "export { ROW } from '../../webmail/gmail/selectors';"],
    ['composables/use-example.ts', "import * as selectors from '../webmail/outlook/selectors';\nexport const all = selectors;"],
    ['stores/example.ts', "import { ROW } from '../webmail/gmail/selectors';\nexport const row = ROW;"],
  ])('%s', async (filePath, code) => {
    expect(await rulesReported(filePath, code)).toEqual(['no-restricted-imports']);
  });

  it('the adapters import their own selectors, and UI imports the adapter', async () => {
    expect(await rulesReported('webmail/gmail/example.ts', "import { ROW } from './selectors';\nexport const rows = () => document.querySelectorAll(ROW);")).toEqual([]);
    expect(await rulesReported('content/features/example.ts', "import type { WebmailAdapter } from '../../webmail/adapter';\nexport type A = WebmailAdapter;")).toEqual([]);
  });
});

describe('only messaging/ touches browser.runtime and browser.tabs', () => {
  it.each([
    [
      'components/TicketExample.vue',
      vue("import { browser } from '#imports';\nconst ask = () => browser.runtime.sendMessage({ type: 'x' });", '<button type="button" @click="ask">ask</button>'),
    ],
    [
      'components/TicketExample.vue',
      vue("import { browser } from '#imports';\nconst open = () => browser.tabs.create({ url: 'https://example.com/' });", '<button type="button" @click="open">open</button>'),
    ],
    ['entrypoints/popup/example.ts', "import { browser } from '#imports';\nexport const url = () => browser.runtime.getURL('/ticket.html');"],
    ['entrypoints/background/example.ts', "import { browser } from '#imports';\nbrowser.runtime.onMessage.addListener(() => true);"],
    ['content/features/example.ts', "import { browser } from '#imports';\nconst { runtime } = browser;\nexport const id = runtime.id;"],
    ['stores/example.ts', 'export const ask = () => chrome.runtime.sendMessage({});'],
  ])('%s', async (filePath, code) => {
    expect(await rulesReported(filePath, code)).toEqual(['no-restricted-properties']);
  });

  it('messaging/ may', async () => {
    const code =
      "import { browser } from '#imports';\nexport const ask = () => browser.runtime.sendMessage({});\nexport const open = (url: string) => browser.tabs.create({ url });";
    expect(await rulesReported('messaging/example.ts', code)).toEqual([]);
  });

  it('other browser APIs stay open to the rest of the extension', async () => {
    expect(
      await rulesReported(
        'entrypoints/background/example.ts',
        "import { browser } from '#imports';\nexport const wake = () => browser.alarms.create('x', { periodInMinutes: 1 });",
      ),
    ).toEqual([]);
  });
});

describe('route files call domain modules, not the database schema or drizzle-orm', () => {
  it.each([
    ['server/routes/example.ts', "import { tickets } from '../db/schema';\nexport const table = tickets;"],
    ['server/routes/example.ts', "import * as schema from '../db/schema.ts';\nexport const all = schema;"],
    ['server/routes/admin/example.ts', "import { agents } from '../../db/schema';\nexport const table = agents;"],
    ['server/routes/example.ts', "import { eq } from 'drizzle-orm';\nexport const same = eq;"],
    ['server/routes/example.ts', "import { pgTable } from 'drizzle-orm/pg-core';\nexport const t = pgTable;"],
  ])('%s: %s', async (filePath, code) => {
    expect(await rulesReported(filePath, code)).toEqual(['no-restricted-imports']);
  });

  it('a route may import its domain module, and the domain module the schema', async () => {
    expect(await rulesReported('server/routes/example.ts', "import { listTickets } from '../tickets/list';\nexport const list = listTickets;")).toEqual([]);
    expect(
      await rulesReported(
        'server/tickets/example.ts',
        "import { eq } from 'drizzle-orm';\nimport { tickets } from '../db/schema';\nexport const byId = (id: number) => eq(tickets.id, id);",
      ),
    ).toEqual([]);
  });
});
