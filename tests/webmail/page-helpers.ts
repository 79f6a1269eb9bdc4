import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A path, not a URL: under happy-dom the global URL is the browser's, which node:fs refuses.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Puts a fixture page into the test document. innerHTML is fine in a test; the extension never uses it. */
export function loadFixture(name: string): Document {
  document.documentElement.innerHTML = fixtureHtml(name);
  return document;
}

/** Resolves after the next animation frame, when the frame batcher has run. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** What the content script's badge layer puts in a row: a shadow host marked as ours, with a title. */
export function addOwnBadge(slot: HTMLElement): HTMLElement {
  const host = document.createElement('inbox-desk-badge');
  host.setAttribute('data-inbox-desk', 'badge');
  host.title = '#42 Open, assigned to Dana Agent';
  const text = document.createElement('span');
  text.textContent = '#42 · Open · DA';
  host.attachShadow({ mode: 'open' }).append(text);
  slot.prepend(host);
  return host;
}
