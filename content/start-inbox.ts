import { i18n } from '#i18n';
import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { createPinia, setActivePinia } from 'pinia';
import { createApp, type App, type Component } from 'vue';
import LimitedModeNotice from '../components/LimitedModeNotice.vue';
import BulkBar from '../components/BulkBar.vue';
import TicketPanel from '../components/TicketPanel.vue';
import type { TicketSummary } from '../core/schemas/messages';
import { onPush } from '../messaging/push';
import { send } from '../messaging/send';
import { usePageStore, type OpenConversation } from '../stores/page';
import { useSessionStore } from '../stores/session';
import type { OpenThread, WebmailAdapter } from '../webmail/adapter';
import { BadgeLayer } from './badges';
import { OpenThreadReceipts, RECEIPTS_REFRESH_MS } from './open-thread-receipts';
import { ReceiptMarkLayer } from './receipt-marks';
import { receiptWords } from './receipt-words';

/** Gmail and Outlook render progressively: wait this long for a recognisable page before "limited mode". */
const RECOGNISE_WITHIN_MS = 8_000;

type Ui = ShadowRootContentScriptUi<App>;

function conversationOf(thread: OpenThread | null): OpenConversation | null {
  if (!thread) return null;
  const first = thread.messages[0];
  return {
    threadId: thread.threadId,
    subject: thread.subject,
    firstMessage: first ? { from: first.from, to: first.to, cc: first.cc, messageId: first.messageId, date: first.date } : null,
  };
}

/** Wires one webmail page: badges on rows, the selection bar, the ticket panel, or the limited-mode notice. */
export async function startInbox(ctx: ContentScriptContext, adapter: WebmailAdapter): Promise<void> {
  const pinia = createPinia();
  setActivePinia(pinia);
  const page = usePageStore();
  const session = useSessionStore();
  page.provider = adapter.provider;
  await session.load().catch(() => undefined);

  const mount = (name: string, component: Component, anchor: () => Element | null, position: 'inline' | 'overlay' = 'inline') =>
    createShadowRootUi(ctx, {
      name,
      position: position === 'inline' ? 'inline' : 'overlay',
      anchor,
      append: 'first',
      onMount(container, _shadow, host) {
        host.setAttribute('data-inbox-desk', name);
        const app = createApp(component);
        app.use(pinia);
        app.mount(container);
        return app;
      },
      onRemove: (app) => app?.unmount(),
    });

  const badges = new BadgeLayer({
    statusLabel: (status) => i18n.t(`status.${status}`),
    assigneeName: (t: TicketSummary) =>
      session.directory.agents.find((a) => a.id === t.assigneeAgentId)?.name ?? session.directory.teams.find((x) => x.id === t.assigneeTeamId)?.name ?? null,
    label: (t, status, assignee) => i18n.t('badge.label', [t.number, status, assignee ? i18n.t('badge.assignedTo', [assignee]) : i18n.t('badge.unassigned')]),
  });

  const receipts = new OpenThreadReceipts(new ReceiptMarkLayer(receiptWords), {
    ticketOf: async (threadId) => {
      if (!page.mailbox) return null;
      const { tickets } = await send('tickets.byThreads', { provider: adapter.provider, mailbox: page.mailbox, threadIds: [threadId] });
      return tickets[threadId]?.id ?? null;
    },
    receipts: (ticketId) => send('receipts.ofTicket', { ticketId }),
  });

  let panel: Ui | null = null;
  let panelAnchor: Element | null = null;
  let toolbar: Ui | null = null;
  let limited: Ui | null = null;
  let known: Record<string, TicketSummary> = {};
  let staleIndex = true;

  async function decorate() {
    const rows = adapter.rows();
    const mailbox = page.mailbox;
    if (mailbox && session.status?.configured) {
      const missing = staleIndex ? rows.map((r) => r.threadId) : rows.map((r) => r.threadId).filter((id) => !(id in known));
      if (missing.length > 0) {
        const { tickets } = await send('tickets.byThreads', { provider: adapter.provider, mailbox, threadIds: missing });
        known = staleIndex ? tickets : { ...known, ...tickets };
        staleIndex = false;
      }
    }
    badges.render(rows, known);
    const selected = rows.filter((r) => r.selected);
    page.selectedThreadIds = selected.map((r) => r.threadId);
    // After a merge several conversations share one ticket (R-MERGE-7): count and act on it once.
    const selectedTickets = new Map<number, TicketSummary>();
    for (const row of selected) if (known[row.threadId]) selectedTickets.set(known[row.threadId]!.id, known[row.threadId]!);
    page.selectedTickets = [...selectedTickets.values()];
    page.selectedTicketCount = page.selectedTickets.length;
    page.selectedWithoutTicket = selected.filter((r) => !known[r.threadId]).map(({ threadId, subject, sender }) => ({ threadId, subject, sender }));
  }

  async function placeUi() {
    const points = adapter.mountPoints();
    if (points.toolbar && !toolbar) {
      toolbar = await mount('inbox-desk-toolbar', BulkBar, () => adapter.mountPoints().toolbar);
      toolbar.mount();
    }
    const conversation = conversationOf(adapter.openThread());
    if (page.conversation?.threadId !== conversation?.threadId || page.conversation?.firstMessage?.messageId !== conversation?.firstMessage?.messageId) {
      page.conversation = conversation;
    }
    // The reading pane is rebuilt when another conversation opens: follow it.
    if (points.threadPanel !== panelAnchor || (panel && !panel.shadowHost.isConnected)) {
      panel?.remove();
      panel = null;
      panelAnchor = points.threadPanel;
      if (panelAnchor && conversation) {
        panel = await mount('inbox-desk-panel', TicketPanel, () => panelAnchor);
        panel.mount();
      }
    }
  }

  let recognisedOnce = false;
  const startedAt = Date.now();
  async function pass() {
    if (!adapter.recognised()) {
      if (!recognisedOnce && !limited && Date.now() - startedAt > RECOGNISE_WITHIN_MS) {
        limited = await mount('inbox-desk-limited', LimitedModeNotice, () => document.body, 'overlay');
        limited.mount();
      }
      return;
    }
    recognisedOnce = true;
    limited?.remove();
    limited = null;
    page.mailbox = adapter.mailbox();
    await placeUi();
    await decorate().catch((error: unknown) => console.warn('Inbox Desk:', (error as Error).message));
    await receipts.update(session.status?.configured ? adapter.openThread() : null).catch((error: unknown) => console.warn('Inbox Desk:', (error as Error).message));
  }

  // Passes never overlap: changes that arrive during one are folded into a single follow-up pass.
  let running: Promise<void> | null = null;
  let again = false;
  const schedule = () => {
    if (running) return void (again = true);
    running = pass().finally(() => {
      running = null;
      if (again) {
        again = false;
        schedule();
      }
    });
  };

  adapter.onChange(schedule, ctx.signal);
  onPush(
    'index.changed',
    () => {
      staleIndex = true;
      page.indexRevision++;
      void session.load().then(schedule);
    },
    ctx.signal,
  );
  // Limited mode must appear even on a page that never changes; receipts change without the page changing.
  ctx.setTimeout(schedule, RECOGNISE_WITHIN_MS + 100);
  ctx.setInterval(schedule, RECEIPTS_REFRESH_MS);
  schedule();
}
