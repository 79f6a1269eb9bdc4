import { inArray } from 'drizzle-orm';
import type { Ticket, WebmailThread } from '../../core/schemas/ticket';
import type { Db } from '../db/client';
import { ticketWebmailThreads } from '../db/schema';
import type { TicketRow } from '../db/rows';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Maps rows to the API shape, loading each ticket's webmail threads in one query. */
export async function toTickets(db: Db, rows: TicketRow[]): Promise<Ticket[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(ticketWebmailThreads)
    .where(
      inArray(
        ticketWebmailThreads.ticketId,
        rows.map((r) => r.id),
      ),
    );
  const byTicket = new Map<number, WebmailThread[]>();
  for (const { ticketId, provider, mailbox, threadId } of links) {
    const list = byTicket.get(ticketId) ?? [];
    list.push({ provider: provider as WebmailThread['provider'], mailbox, threadId });
    byTicket.set(ticketId, list);
  }
  return rows.map((row) => toTicket(row, byTicket.get(row.id) ?? []));
}

export function toTicket(row: TicketRow, webmailThreads: WebmailThread[]): Ticket {
  return {
    ...row,
    channel: row.channel as Ticket['channel'],
    status: row.status as Ticket['status'],
    priority: row.priority as Ticket['priority'],
    lastThreadChannel: row.lastThreadChannel as Ticket['lastThreadChannel'],
    trashedAt: iso(row.trashedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    firstResponseAt: iso(row.firstResponseAt),
    closedAt: iso(row.closedAt),
    onHoldSince: iso(row.onHoldSince),
    webmailThreads,
  };
}
