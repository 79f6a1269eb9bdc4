import { tickets } from '../../core/contracts/tickets';
import type { Page } from '../../core/schemas/api';
import type { Connection } from '../../core/schemas/messages';
import type { Ticket } from '../../core/schemas/ticket';
import { sendWith } from './api-client';
import type { TicketIndex } from './ticket-index';

const CURSOR = 'syncCursor';
const PAGE = 500;
/**
 * A change committed a moment after a later one can carry the earlier timestamp; re-reading a
 * short margin behind the cursor catches it (upserts are idempotent by version).
 */
const MARGIN_MS = 5_000;

/** Pulls every ticket changed since the last sync into the index; returns how many arrived. */
export async function syncIndex(index: TicketIndex, connection: Connection): Promise<number> {
  const cursor = (await index.getMeta<string>(CURSOR)) ?? new Date(0).toISOString();
  const since = new Date(Math.max(0, Date.parse(cursor) - MARGIN_MS)).toISOString();
  let newest = cursor;
  let changed = 0;
  let page: string | null = null;
  do {
    // Kept as the server sent them, unparsed: one ticket with a value a newer server added must not stop every sync.
    const result = (await sendWith(connection, tickets.list, { query: { updatedSince: since, limit: PAGE, ...(page ? { cursor: page } : {}) } })) as Page<Ticket>;
    await index.upsert(result.items);
    changed += result.items.length;
    for (const t of result.items) if (t.updatedAt > newest) newest = t.updatedAt;
    page = result.nextCursor;
  } while (page);
  await index.setMeta(CURSOR, newest);
  return changed;
}
