import { asc, inArray } from 'drizzle-orm';
import { checkPermission, type AgentAccess } from '../../core/rules/permissions';
import type { Ticket } from '../../core/schemas/ticket';
import type { Db } from '../db/client';
import { tickets } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import { toTickets } from '../tickets/ticket-rows';
import type { TicketRow } from '../db/rows';

export interface MergeTickets {
  rows: TicketRow[];
  tickets: Ticket[];
  /** The numbers of the primaries that tickets among them were merged into, for refusals (R-MERGE-7). */
  primaryNumbers: Map<number, number>;
}

/**
 * The tickets of a merge, each visible to the agent (R-PERM-5). Locked in id order when merging,
 * so two merges sharing a ticket wait for each other instead of deadlocking.
 */
export async function loadMergeTickets(db: Db, access: AgentAccess, ticketIds: number[], forUpdate: boolean): Promise<MergeTickets> {
  const ids = [...new Set(ticketIds)];
  const query = db.select().from(tickets).where(inArray(tickets.id, ids)).orderBy(asc(tickets.id));
  const rows = forUpdate ? await query.for('update') : await query;
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw notFound(`The ticket with id ${missing.join(', ')} (purged or never created)`);
  for (const departmentId of new Set(rows.map((r) => r.departmentId))) enforce(checkPermission(access, 'ticket.view', departmentId));
  const primaryIds = rows.flatMap((r) => (r.mergedIntoId === null ? [] : [r.mergedIntoId]));
  const primaries = primaryIds.length === 0 ? [] : await db.select({ id: tickets.id, number: tickets.number }).from(tickets).where(inArray(tickets.id, primaryIds));
  return { rows, tickets: await toTickets(db, rows), primaryNumbers: new Map(primaries.map((p) => [p.id, p.number])) };
}

/**
 * Where anything addressed to these tickets belongs: a merged-away ticket's primary instead of it.
 * A merge re-points earlier merges at its primary, so one hop is all there is.
 */
export async function followMerges(db: Db, ticketIds: number[]): Promise<number[]> {
  if (ticketIds.length === 0) return [];
  const rows = await db.select({ id: tickets.id, mergedIntoId: tickets.mergedIntoId }).from(tickets).where(inArray(tickets.id, ticketIds));
  const target = new Map(rows.map((r) => [r.id, r.mergedIntoId ?? r.id]));
  return [...new Set(ticketIds.map((id) => target.get(id) ?? id))];
}
