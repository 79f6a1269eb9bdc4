import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { subjectKey } from '../../core/mail/subject-key';
import { addressKey, senderKey } from '../../core/rules/address';
import { checkPermission, visibleDepartmentIds, type AgentAccess } from '../../core/rules/permissions';
import type { TicketLookupQuery } from '../../core/schemas/api';
import type { Ticket } from '../../core/schemas/ticket';
import type { Db } from '../db/client';
import { threads, tickets } from '../db/schema';
import { enforce } from '../http/api-failure';
import { toTickets } from './ticket-rows';
import type { TicketRow } from '../db/rows';

/** Outlook shows the time to the minute, and its clock and the Date header may drift a little apart. */
const WINDOW_MS = 3 * 60_000;
const MAX_MATCHES = 5;
/** A primary merged again later points further on; corrupt data must not loop forever. */
const MERGE_CHAIN_LIMIT = 5;

/** R-PERM-5: only departments where the agent has ticket.view. */
function scopeOf(access: AgentAccess, departmentId: number | undefined): number[] {
  if (departmentId === undefined) return visibleDepartmentIds(access);
  enforce(checkPermission(access, 'ticket.view', departmentId));
  return [departmentId];
}

/** Incoming threads from the sender with the subject near the time, closest first. */
async function matchingThreads(db: Db, query: TicketLookupQuery) {
  const sentAt = Date.parse(query.sentAt);
  const sender = addressKey(query.from);
  const subject = subjectKey(query.subject);
  const rows = await db
    .select({ ticketId: threads.ticketId, from: threads.from, subject: threads.subject, createdAt: threads.createdAt })
    .from(threads)
    .where(
      and(
        eq(threads.direction, 'in'),
        gte(threads.createdAt, new Date(sentAt - WINDOW_MS)),
        lte(threads.createdAt, new Date(sentAt + WINDOW_MS)),
        // Narrows in SQL; the exact test below also reads `Name <address>`.
        sql`strpos(lower(${threads.from}), ${sender}) > 0`,
      ),
    );
  const distance = (at: Date) => Math.abs(at.getTime() - sentAt);
  return rows.filter((t) => senderKey(t.from) === sender && subjectKey(t.subject) === subject).sort((a, b) => distance(a.createdAt) - distance(b.createdAt));
}

/** Each ticket's primary (R-MERGE-7: a merged-away ticket lives on in it), or the ticket itself. */
async function primariesOf(db: Db, ids: number[]): Promise<(id: number) => TicketRow | undefined> {
  const byId = new Map<number, TicketRow>();
  let wanted = [...new Set(ids)];
  for (let hop = 0; wanted.length > 0 && hop <= MERGE_CHAIN_LIMIT; hop++) {
    const rows = await db.select().from(tickets).where(inArray(tickets.id, wanted));
    for (const row of rows) byId.set(row.id, row);
    wanted = [...new Set(rows.flatMap((r) => (r.mergedIntoId !== null && !byId.has(r.mergedIntoId) ? [r.mergedIntoId] : [])))];
  }
  return (id) => {
    let row = byId.get(id);
    for (let hop = 0; row?.mergedIntoId && hop < MERGE_CHAIN_LIMIT; hop++) row = byId.get(row.mergedIntoId);
    return row;
  };
}

/**
 * The live tickets an incoming message already became, best first. For webmail pages without a
 * Message-ID (Outlook): the mailbox ingested the message before anyone opened it, and opening it
 * must find that ticket rather than offer to create a second one.
 */
export async function lookupTickets(db: Db, access: AgentAccess, query: TicketLookupQuery): Promise<Ticket[]> {
  const departmentIds = scopeOf(access, query.departmentId);
  if (departmentIds.length === 0) return [];
  const matches = await matchingThreads(db, query);
  const primaryOf = await primariesOf(
    db,
    matches.map((m) => m.ticketId),
  );
  const found = new Map<number, TicketRow>();
  for (const { ticketId } of matches) {
    const primary = primaryOf(ticketId);
    const live = primary && primary.trashedAt === null && primary.mergedIntoId === null && departmentIds.includes(primary.departmentId);
    if (live && found.size < MAX_MATCHES) found.set(primary.id, primary);
  }
  return toTickets(db, [...found.values()]);
}
