import { browser } from '#imports';

/** Who sent a message: the extension's own pages are trusted, content scripts in webmail tabs are not. */
export interface Sender {
  trusted: boolean;
}

/**
 * The background's one message listener: each message is answered with what answer() resolves to.
 * MV3: call it synchronously at the top of defineBackground's main, before anything is awaited.
 */
export function listen(answer: (message: unknown, sender: Sender) => Promise<unknown>): void {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Extension pages (even when opened in a tab) have our own origin; content scripts have the webmail's.
    const trusted = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
    void answer(message, { trusted }).then(sendResponse);
    return true;
  });
}

/** Runs wake() when the extension is installed or updated, and when the browser starts. */
export function onExtensionStart(wake: () => void): void {
  browser.runtime.onInstalled.addListener(() => wake());
  browser.runtime.onStartup.addListener(() => wake());
}
