import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Locale = 'en' | 'ja';

const catalogs = new Map<Locale, Record<string, string>>();

function catalog(locale: Locale): Record<string, string> {
  let messages = catalogs.get(locale);
  if (!messages) {
    const text = readFileSync(resolve('locales', `${locale}.yml`), 'utf8');
    const chrome = generateChromeMessages(parseMessagesText(text, 'YAML'));
    messages = Object.fromEntries(Object.entries(chrome).map(([key, value]) => [key, value.message]));
    catalogs.set(locale, messages);
  }
  return messages;
}

let current: Locale = 'en';

/** Renders the next components in this locale (the browser's UI language decides it in the extension). */
export function useLocale(locale: Locale) {
  current = locale;
}

/** chrome.i18n.getMessage over the real locale files, so tests read what users read and a missing key shows. */
function getMessage(name: string, substitutions?: string | string[]): string {
  const message = catalog(current)[name];
  if (message === undefined) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  // Listeners (a previous test's fake background) and storage must not leak into the next test.
  fakeBrowser.reset();
  current = 'en';
  (fakeBrowser.i18n as unknown as { getMessage: typeof getMessage }).getMessage = getMessage;
});
