/**
 * Decorating 500 Gmail rows: time from the rows appearing to every badge shown, and the main-thread
 * script time it costs, beside a floor measured in the same run — a bare querySelectorAll plus a
 * text write per row, the least any decoration can do. Measured in the list layout and with the
 * reading pane on the right, where each conversation is three <tr>s.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { gmailInboxPage, type DemoRow } from '../../server/demo/gmail-page';
import { connectExtension, launchChromium } from '../../scripts/extension-browser';
import { Backend } from '../e2e/backend';
import { rightPaneRows } from './gmail-right-pane';

type Layout = 'list' | 'right';
const LAYOUTS: readonly Layout[] = ['list', 'right'];
/** The floor's bare pass in each layout (page source): each conversation's first <tr>, and the element holding its subject. */
const FLOOR: Record<Layout, { rows: string; slot: string }> = {
  list: { rows: 'div[role=main] tr.zA', slot: "row.querySelector('span.bog')" },
  right: { rows: 'div[role=main] tr.zA.apv', slot: "row.nextElementSibling.querySelector('div.y6')" },
};

const ROWS = 500;
const RUNS = 5;
const MAILBOX = 'support@demo.example';
const root = path.resolve(import.meta.dirname, '../..');

const threadIdOf = (i: number) => (0x1b00000000000000n + BigInt(i)).toString(16);

function rows(): DemoRow[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    threadId: threadIdOf(i),
    subject: `Bench conversation ${i}`,
    snippet: 'Benchmark row',
    from: { name: `Customer ${i}`, email: `customer${i}@bench.example` },
    date: new Date(Date.UTC(2026, 10, 1, 0, i)),
  }));
}

/** The inbox with its rows parked in a <template>, so the benchmark decides when they appear. */
function pageHtml(layout: Layout): string {
  const full = gmailInboxPage(MAILBOX, rows(), 'bench');
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(full)![1]!;
  const parked = layout === 'list' ? body : rightPaneRows(rows());
  return full.replace(body, '').replace('</body>', `<template id="bench-rows">${parked}</template></body>`);
}

async function createTickets(backend: Backend, token: string) {
  const me = await backend.api('GET', '/me', token);
  const support = me.body.departments.find((d: { departmentName: string }) => d.departmentName === 'Support').departmentId;
  for (let i = 0; i < ROWS; i++) {
    const res = await backend.api('POST', '/tickets', token, {
      departmentId: support,
      channel: 'email',
      subject: `Bench conversation ${i}`,
      contact: { email: `customer${i}@bench.example` },
      webmailThread: { provider: 'gmail', mailbox: MAILBOX, threadId: threadIdOf(i) },
    });
    if (res.status !== 201) throw new Error(`creating ticket ${i}: ${JSON.stringify(res.body)}`);
  }
}

async function openInbox(context: BrowserContext, layout: Layout): Promise<Page> {
  await context.unrouteAll();
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ body: pageHtml(layout), headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "require-trusted-types-for 'script'" } }),
  );
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/');
  return page;
}

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
}

/**
 * Inserts the rows, then waits (one check per frame) until every row carries a badge. Page code goes
 * in as source text: the TypeScript runner would wrap inline functions in helpers the page lacks.
 */
async function measureBadges(page: Page): Promise<{ latencyMs: number; scriptMs: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await scriptSeconds(cdp);
  const latencyMs = (await page.evaluate(`new Promise((resolve) => {
    const tbody = document.querySelector('table[role=grid] tbody');
    const started = performance.now();
    tbody.append(document.getElementById('bench-rows').content.cloneNode(true));
    const check = () => document.querySelectorAll('inbox-desk-badge').length >= ${ROWS} ? resolve(performance.now() - started) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  })`)) as number;
  const scriptMs = ((await scriptSeconds(cdp)) - before) * 1000;
  return { latencyMs, scriptMs };
}

/** The floor: the same rows appear, then one bare pass finds them and writes a text node into each. */
async function measureFloor(page: Page, layout: Layout): Promise<number> {
  return (await page.evaluate(`(() => {
    document.querySelector('table[role=grid] tbody').append(document.getElementById('bench-rows').content.cloneNode(true));
    const started = performance.now();
    for (const row of document.querySelectorAll('${FLOOR[layout].rows}')) {
      const mark = document.createElement('span');
      mark.textContent = '#1234 · Open';
      ${FLOOR[layout].slot}.prepend(mark);
    }
    return performance.now() - started;
  })()`)) as number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measureLayout(withExtension: BrowserContext, bare: BrowserContext, layout: Layout) {
  const results: { latencyMs: number; scriptMs: number; floorMs: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const measured = await measureBadges(await openInbox(withExtension, layout));
    const floorMs = await measureFloor(await openInbox(bare, layout), layout);
    results.push({ ...measured, floorMs });
  }
  const floor = median(results.map((r) => r.floorMs));
  const latency = median(results.map((r) => r.latencyMs));
  const script = median(results.map((r) => r.scriptMs));
  console.info(`${ROWS} Gmail rows, ${layout === 'list' ? 'list layout' : 'reading pane on the right'}, median of ${RUNS} runs`);
  console.info(`  floor (querySelectorAll + text write per row): ${floor.toFixed(1)} ms`);
  console.info(`  rows appearing → all badges shown:              ${latency.toFixed(1)} ms  (${(latency / floor).toFixed(1)}× floor)`);
  console.info(`  main-thread script time meanwhile:              ${script.toFixed(1)} ms  (${(script / floor).toFixed(1)}× floor)`);
}

export async function badgesBench() {
  spawnSync(path.join(root, 'node_modules/.bin/wxt'), ['build', '--mode', 'development'], { cwd: root, stdio: 'ignore' });
  const backend = new Backend();
  await backend.prepare(['admin@demo.example']);
  await backend.start();
  try {
    const token = backend.tokens['admin@demo.example']!;
    await createTickets(backend, token);
    const withExtension = await launchChromium();
    const bare = await launchChromium({ extension: false });
    await connectExtension(withExtension, backend.url, token);
    for (const layout of LAYOUTS) await measureLayout(withExtension, bare, layout);
    await withExtension.close();
    await bare.close();
  } finally {
    await backend.stop();
  }
}
