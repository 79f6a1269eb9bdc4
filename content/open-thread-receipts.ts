import type { TicketReceipts } from '../core/schemas/receipt';
import type { OpenThread } from '../webmail/adapter';
import { matchSentMessages } from './receipt-match';
import type { ReceiptMarkLayer } from './receipt-marks';

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
