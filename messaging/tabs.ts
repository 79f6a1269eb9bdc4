import { browser } from '#imports';

/** The extension's own page for a ticket (for tickets with no webmail conversation). */
export function ticketPageUrl(ticketId: number): string {
  return `${browser.runtime.getURL('/ticket.html')}?id=${ticketId}`;
}

/** Opens a page in a new tab of the current window. */
export async function openInNewTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}
