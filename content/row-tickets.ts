import type { TicketSummary } from '../core/schemas/messages';
import type { ThreadRow } from '../webmail/adapter';

/** The background's answer for some conversations of one mailbox: their tickets by thread id. */
export type TicketLookup = (mailbox: string, threadIds: string[]) => Promise<Record<string, TicketSummary>>;

/** What the lookup depends on; the page and session stores. */
export interface RowTicketsPage {
  readonly mailbox: string | null;
  /** Bumped whenever the background says the ticket index changed. */
  readonly indexRevision: number;
}
export interface RowTicketsSession {
  readonly status: { configured: boolean } | null;
}

/**
 * The tickets of the listed conversations, shared by the row badges and the selection bar so each
 * conversation is looked up once. After the ticket index changed every listed one is looked up
 * again, and what is no longer listed is forgotten.
 */
export class RowTickets {
  private known: Record<string, TicketSummary> = {};
  /** page.indexRevision when `known` was looked up; null before the first lookup. */
  private revision: number | null = null;

  constructor(
    private readonly page: RowTicketsPage,
    private readonly session: RowTicketsSession,
    private readonly lookup: TicketLookup,
  ) {}

  /** Without a mailbox or a connection, what is known already (nothing to ask). */
  async of(rows: ThreadRow[]): Promise<Record<string, TicketSummary>> {
    const mailbox = this.page.mailbox;
    if (!mailbox || !this.session.status?.configured) return this.known;
    // Read before the lookup: a change announced while it runs makes the next call look up again.
    const revision = this.page.indexRevision;
    const stale = revision !== this.revision;
    const missing = rows.map((row) => row.threadId).filter((id) => stale || !(id in this.known));
    if (missing.length === 0) return this.known;
    const tickets = await this.lookup(mailbox, missing);
    this.known = stale ? tickets : { ...this.known, ...tickets };
    this.revision = revision;
    return this.known;
  }
}
