import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { checkPermission, visibleDepartmentIds, type AgentAccess } from '../../core/rules/permissions';
import type { Page, TicketListQuery } from '../../core/schemas/api';
import type { Ticket } from '../../core/schemas/ticket';
import type { ViewFilter } from '../../core/schemas/view';
import type { Db } from '../db/client';
import type { AuthContext } from '../http/app-env';
import { tickets } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { toTickets } from './ticket-rows';
import { useView } from './saved-views';
import { viewFilterSql } from './view-filter-sql';

const SyncCursor = z.object({ at: z.iso.datetime(), id: z.number().int() });
const ListCursor = z.object({ id: z.number().int() });

interface Scope {
  departmentIds: number[];
  filter: ViewFilter | undefined;
}

/** R-PERM-5: an agent lists only departments where they have ticket.view. */
async function scopeOf(db: Db, auth: AuthContext, query: TicketListQuery): Promise<Scope> {
  const { access } = auth;
  let departmentIds = visibleDepartmentIds(access);
  let filter: ViewFilter | undefined;
  if (query.viewId !== undefined) {
    const view = await useView(db, auth, query.viewId);
    if (view.departmentId !== null) departmentIds = [view.departmentId];
    filter = view.kind === 'spam' ? { ...view.filter, spam: true } : view.filter;
  }
  if (query.departmentId !== undefined) {
    enforce(checkPermission(access, 'ticket.view', query.departmentId));
    departmentIds = departmentIds.filter((d) => d === query.departmentId);
  }
  return { departmentIds, filter };
}

/**
 * Two orders: newest first for lists; with updatedSince, oldest change first with every ticket
 * (trashed, merged, spam) included, so the extension's index can follow each change.
 */
export async function listTickets(db: Db, auth: AuthContext, query: TicketListQuery): Promise<Page<Ticket>> {
  const scope = await scopeOf(db, auth, query);
  if (scope.departmentIds.length === 0) return { items: [], nextCursor: null };
  const sync = query.updatedSince !== undefined;
  const conditions: (SQL | undefined)[] = [inArray(tickets.departmentId, scope.departmentIds), query.contactId === undefined ? undefined : eq(tickets.contactId, query.contactId)];
  if (sync) {
    conditions.push(gte(tickets.updatedAt, new Date(query.updatedSince!)));
    const after = decodeCursor(query.cursor, SyncCursor);
    if (after) {
      const at = new Date(after.at);
      conditions.push(or(gt(tickets.updatedAt, at), and(eq(tickets.updatedAt, at), gt(tickets.id, after.id))));
    }
  } else {
    if (!query.includeTrashed) conditions.push(isNull(tickets.trashedAt), isNull(tickets.mergedIntoId));
    conditions.push(viewFilterSql(scope.filter ?? {}, { agentId: auth.agent.id }));
    const after = decodeCursor(query.cursor, ListCursor);
    if (after) conditions.push(lt(tickets.id, after.id));
  }
  const rows = await db
    .select()
    .from(tickets)
    .where(and(...conditions))
    .orderBy(...(sync ? [asc(tickets.updatedAt), asc(tickets.id)] : [desc(tickets.id)]))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(sync ? { at: last.updatedAt.toISOString(), id: last.id } : { id: last.id }) : null;
  return { items: await toTickets(db, page), nextCursor };
}

/** Loads one ticket the agent may see: 404 when missing, 403 naming ticket.view otherwise (R-PERM-5). */
export async function getVisibleTicket(db: Db, access: AgentAccess, id: number, forUpdate = false) {
  const query = db.select().from(tickets).where(eq(tickets.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound(`Ticket ${id}`);
  enforce(checkPermission(access, 'ticket.view', row.departmentId));
  return row;
}
