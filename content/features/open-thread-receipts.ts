import type { TicketReceipts } from '../../core/schemas/receipt';
import { send } from '../../messaging/send';
import type { OpenThread } from '../../webmail/adapter';
import type { Feature, FeatureContext } from '../feature-manager';
import { matchSentMessages } from '../receipt-match';
import { ReceiptMarkLayer } from '../receipt-marks';
import { receiptWords } from '../receipt-words';

/** Opens arrive while the agent reads: receipts of the open conversation are read again this often. */
export const RECEIPTS_REFRESH_MS = 10_000;

export interface ReceiptSource {
  ticketOf(threadId: string): Promise<number | null>;
  receipts(ticketId: number): Promise<TicketReceipts>;
}

/**
 * Keeps the marks of the open conversation's sent messages (R-RCPT-7) up to date: fetched when
 * another conversation opens and again once they are older than RECEIPTS_REFRESH_MS. With receipts
 * off for the department the answer is empty, so every mark goes (R-RCPT-9).
 */
export class OpenThreadReceipts {
  private threadId: string | null = null;
  private fetchedAt = 0;
  private current: TicketReceipts | null = null;

  constructor(
    private readonly layer: ReceiptMarkLayer,
    private readonly source: ReceiptSource,
    private readonly now: () => number = Date.now,
  ) {}

  async update(thread: OpenThread | null): Promise<void> {
    if (!thread) {
      this.threadId = null;
      this.current = null;
      return;
    }
    if (thread.threadId !== this.threadId || this.now() - this.fetchedAt >= RECEIPTS_REFRESH_MS) {
      this.threadId = thread.threadId;
      this.fetchedAt = this.now();
      const ticketId = await this.source.ticketOf(thread.threadId);
      this.current = ticketId === null ? null : await this.source.receipts(ticketId);
    }
    const sent = this.current?.enabled ? this.current.messages : [];
    const page = thread.messages.map((m) => ({ fromEmail: m.from.email, date: m.date }));
    this.layer.render(thread.messages, matchSentMessages(page, sent));
  }
}

/** The open conversation's ticket and its receipts, through the background. */
function receiptSource({ adapter, page }: FeatureContext): ReceiptSource {
  return {
    ticketOf: async (threadId) => {
      if (!page.mailbox) return null;
      const { tickets } = await send('tickets.byThreads', { provider: adapter.provider, mailbox: page.mailbox, threadIds: [threadId] });
      return tickets[threadId]?.id ?? null;
    },
    receipts: (ticketId) => send('receipts.ofTicket', { ticketId }),
  };
}

/** Read-receipt marks on the messages of the open conversation that the product sent (R-RCPT-7). */
export const openThreadReceipts: Feature = {
  name: 'open-thread-receipts',
  init(context) {
    const { adapter, session, signal, refresh } = context;
    const layer = new ReceiptMarkLayer(receiptWords);
    const receipts = new OpenThreadReceipts(layer, receiptSource(context));
    // Receipts change without the page changing.
    const timer = setInterval(refresh, RECEIPTS_REFRESH_MS);
    signal.addEventListener(
      'abort',
      () => {
        clearInterval(timer);
        layer.removeAll();
      },
      { once: true },
    );
    return { update: () => receipts.update(session.status?.configured ? adapter.openThread() : null) };
  },
};
