import type { ContentScriptContext } from '#imports';
import { createPinia, setActivePinia } from 'pinia';
import { onPush } from '../messaging/push';
import { send } from '../messaging/send';
import { usePageStore } from '../stores/page';
import { useSessionStore } from '../stores/session';
import type { WebmailAdapter } from '../webmail/adapter';
import { startFeatures, type Feature } from './feature-manager';
import { limitedMode } from './features/limited-mode';
import { openThreadReceipts } from './features/open-thread-receipts';
import { pageState } from './features/page-state';
import { rowBadges } from './features/row-badges';
import { selectionBar } from './features/selection-bar';
import { ticketPanel } from './features/ticket-panel';
import { RowTickets } from './row-tickets';

/** Every in-page feature, in the order a pass runs them: page state first, since the others read it. */
const FEATURES: readonly Feature[] = [limitedMode, pageState, selectionBar, ticketPanel, rowBadges, openThreadReceipts];

/** Starts Inbox Desk on one webmail page; everything stops when the content script is invalidated. */
export async function startInbox(ctx: ContentScriptContext, adapter: WebmailAdapter): Promise<void> {
  const pinia = createPinia();
  setActivePinia(pinia);
  const page = usePageStore();
  const session = useSessionStore();
  page.provider = adapter.provider;
  await session.load().catch(() => undefined);

  const lookup = async (mailbox: string, threadIds: string[]) => (await send('tickets.byThreads', { provider: adapter.provider, mailbox, threadIds })).tickets;
  const features = startFeatures(FEATURES, { ctx, adapter, page, session, pinia, rowTickets: new RowTickets(page, session, lookup) });
  // After a sync or a write, everything that shows tickets reads them again: rowTickets and the panel follow indexRevision.
  onPush(
    'index.changed',
    () => {
      page.indexRevision++;
      void session.load().then(features.refresh);
    },
    ctx.signal,
  );
}
