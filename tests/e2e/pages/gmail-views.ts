import type { Page } from '@playwright/test';
import { GmailInbox } from './gmail-inbox';

/** The mailbox of the Gmail fixtures (their titles and account buttons). */
export const FIXTURE_MAILBOX = 'support@acme.test';

/**
 * A Gmail fixture driven the way Gmail's own script would drive it: fixtures carry no script, so
 * ticking a row and switching views are done here, with the same DOM changes Gmail makes.
 */
export class GmailViews extends GmailInbox {
  constructor(page: Page) {
    super(page);
  }
  /** A view of the fixture by its test hook (data-fixture-view). */
  view(name: string) {
    return this.page.locator(`[data-fixture-view="${name}"]`);
  }
  /** The subject cell of a conversation, in either row shape, where its badge goes. */
  subjectCell(threadId: string) {
    return this.page.locator(`div.y6:has([data-legacy-thread-id="${threadId}"])`);
  }
  /** The badges drawn for a conversation, in every view and list that shows it. */
  badgesOf(threadId: string) {
    return this.subjectCell(threadId).locator('> inbox-desk-badge');
  }
  get toolbarHosts() {
    return this.page.locator('inbox-desk-toolbar');
  }
  get panelHosts() {
    return this.page.locator('inbox-desk-panel');
  }
  /** What Gmail does when the agent ticks a row: x7 on the row's first <tr>, its checkbox checked. */
  async tick(threadId: string) {
    await this.subjectCell(threadId)
      .first()
      .evaluate((cell) => {
        let row = cell.closest('tr')!;
        while (!row.querySelector('[role="checkbox"]') && row.previousElementSibling) row = row.previousElementSibling as HTMLTableRowElement;
        row.classList.add('x7');
        row.querySelector('[role="checkbox"]')!.setAttribute('aria-checked', 'true');
      });
  }
  /** Gmail's route change: the hash, then the old view hidden by style and role=main moved to the new one. */
  async navigate(hash: string, view: string) {
    await this.page.evaluate(
      ([hash, view]) => {
        location.hash = hash!;
        for (const element of document.querySelectorAll<HTMLElement>('[data-fixture-view]')) {
          const shown = element.getAttribute('data-fixture-view') === view;
          element.style.display = shown ? '' : 'none';
          if (shown) element.setAttribute('role', 'main');
          else element.removeAttribute('role');
        }
      },
      [hash, view],
    );
  }
}
