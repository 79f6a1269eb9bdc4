import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { checkPermission } from '../../core/rules/permissions';
import type { Page } from '../../core/schemas/api';
import type { TrashItem, TrashQuery } from '../../core/schemas/admin';
import type { Ticket } from '../../core/schemas/ticket';
import type { Db } from '../db/client';
import { ticketHistory, tickets } from '../db/schema';
import { conflict, enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { readableDepartments } from '../http/department-scope';
import { getVisibleTicket } from './ticket-query';
import { toTickets } from './ticket-rows';
import { TRASH_DAYS } from '../../core/schemas/admin';

const DAY_MS = 24 * 60 * 60 * 1000;
const TrashCursor = z.object({ at: z.iso.datetime(), id: z.number().int() });

const purgeAt = (trashedAt: string) => new Date(Date.parse(trashedAt) + TRASH_DAYS * DAY_MS).toISOString();

/** A merged-away record kept past its purge date for its primary (trash-purge.ts) is no longer in the trash. */
const notPastPurge = () => or(isNull(tickets.mergedIntoId), gte(tickets.trashedAt, new Date(Date.now() - TRASH_DAYS * DAY_MS)));

/** Newest-trashed first; the cursor is the last item's (trashedAt, id), so paging survives new deletions. */
export async function listTrash(db: Db, auth: AuthContext, query: TrashQuery): Promise<Page<TrashItem>> {
  const departmentIds = readableDepartments(auth, query.departmentId);
  if (departmentIds.length === 0) return { items: [], nextCursor: null };
  const conditions: (SQL | undefined)[] = [inArray(tickets.departmentId, departmentIds), isNotNull(tickets.trashedAt), notPastPurge()];
  const after = decodeCursor(query.cursor, TrashCursor);
  if (after) {
    const at = new Date(after.at);
    conditions.push(or(lt(tickets.trashedAt, at), and(eq(tickets.trashedAt, at), lt(tickets.id, after.id))));
  }
  const rows = await db
    .select()
    .from(tickets)
    .where(and(...conditions))
    .orderBy(desc(tickets.trashedAt), desc(tickets.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ at: last.trashedAt!.toISOString(), id: last.id }) : null;
  const items = (await toTickets(db, page)).map((ticket) => ({ ticket, purgeAt: purgeAt(ticket.trashedAt!) }));
  return { items, nextCursor };
}

/** A merged-away record past its 60 days is kept only for its primary (trash-purge.ts): no longer restorable. */
async function refuseKeptRecord(db: Db, number: number, primaryId: number, trashedAt: Date): Promise<never> {
  const [primary] = await db.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, primaryId));
  const day = purgeAt(trashedAt.toISOString()).slice(0, 10);
  throw conflict(`Ticket #${number} left the trash on ${day} (R-BULK-11, ${TRASH_DAYS} days); its conversation lives on in ticket #${primary?.number}.`);
}

/**
 * R-BULK-11: takes a ticket out of the trash. A merged ticket comes back as a record and keeps
 * mergedIntoId (R-MERGE-7): its threads stay in the primary.
 */
export async function restoreTicket(db: Db, auth: AuthContext, id: number): Promise<Ticket> {
  const row = await getVisibleTicket(db, auth.access, id, true);
  enforce(checkPermission(auth.access, 'ticket.delete', row.departmentId));
  if (!row.trashedAt) throw conflict(`Ticket #${row.number} is not in the trash; there is nothing to restore.`);
  if (row.mergedIntoId && Date.parse(purgeAt(row.trashedAt.toISOString())) < Date.now()) await refuseKeptRecord(db, row.number, row.mergedIntoId, row.trashedAt);
  const [restored] = await db
    .update(tickets)
    .set({ trashedAt: null, version: row.version + 1, updatedAt: sql`now()` })
    .where(eq(tickets.id, row.id))
    .returning();
  await db.insert(ticketHistory).values({
    ticketId: row.id,
    agentId: auth.agent.id,
    action: 'restored',
    changes: { trashedAt: { from: row.trashedAt.toISOString(), to: null } },
  });
  return (await toTickets(db, [restored!]))[0]!;
}
