import { and, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { jobModeFor } from '../../core/rules/bulk-limits';
import { checkPermission, visibleDepartmentIds } from '../../core/rules/permissions';
import type { JobCreate, JobMode } from '../../core/schemas/job';
import type { View, ViewFilter } from '../../core/schemas/view';
import { checkViewAllowsJob } from '../../core/rules/view-scope';
import type { Db } from '../db/client';
import { tickets } from '../db/schema';
import { ApiFailure, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { followMerges } from '../merge/merge-tickets';
import { useView } from '../tickets/saved-views';
import { viewFilterSql } from '../tickets/view-filter-sql';

/** The tickets a job will touch, decided at submit time (R-BULK-1: a selection, or every ticket of a view). */
export interface JobScope {
  mode: JobMode;
  allDepartments: boolean;
  view: View | null;
  /** Departments the tickets are in: permissions are checked in each. */
  departmentIds: number[];
  /** A SQL condition selecting exactly the job's tickets, for a set-based insert of its items. */
  where: SQL;
  total: number;
}

async function departmentsOf(db: Db, where: SQL): Promise<{ departmentIds: number[]; total: number }> {
  const rows = await db
    .select({ departmentId: tickets.departmentId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(where)
    .groupBy(tickets.departmentId);
  return { departmentIds: rows.map((r) => r.departmentId), total: rows.reduce((sum, r) => sum + Number(r.n), 0) };
}

function modeOrRefuse(count: number, source: 'selection' | 'view'): JobMode {
  const decided = jobModeFor(count, source);
  if (!decided.ok) enforce(decided);
  return (decided as { mode: JobMode }).mode;
}

export async function resolveScope(db: Db, auth: AuthContext, request: JobCreate): Promise<JobScope> {
  if (request.ticketIds) return selectionScope(db, auth, request, request.ticketIds);
  const view = await startedFrom(db, auth, request, request.viewId!);
  const { where, departmentIds, total } = await viewSelection(db, auth, view);
  return { mode: modeOrRefuse(total, 'view'), allDepartments: view.kind === 'all_departments', view, departmentIds, where, total };
}

/** The view a job was started from, checked against the department the request names. */
async function startedFrom(db: Db, auth: AuthContext, request: JobCreate, viewId: number): Promise<View> {
  const view = await useView(db, auth, viewId);
  // The job row records the department it was started from; it must be the view's own (a foreign key, and the history's filter).
  const viewDepartment = view.departmentId ?? 'all';
  if (request.departmentId !== viewDepartment) {
    throw new ApiFailure(
      400,
      'VALIDATION',
      `The view "${view.name}" belongs to ${viewDepartment === 'all' ? 'all departments' : `department ${viewDepartment}`}: send departmentId ${JSON.stringify(viewDepartment)}.`,
    );
  }
  // R-BULK-4 does not depend on how many tickets the view holds: refuse before counting them.
  enforce(checkViewAllowsJob({ ...view, kind: view.kind as View['kind'] }, 'bulk'));
  return view;
}

/**
 * A selection keeps every ticket the agent picked, spam and trashed ones included: each is refused by
 * its own state when the job reaches it (R-BULK-4, R-BULK-11), so the pre-check and the job name the
 * same tickets. A merged-away ticket's conversations belong to its primary (R-MERGE-6), so the primary
 * is acted on instead, once, and judged by its own state. Made inside a view, it carries that view (R-BULK-4/5/7).
 */
async function selectionScope(db: Db, auth: AuthContext, request: JobCreate, ticketIds: number[]): Promise<JobScope> {
  const view = request.viewId === undefined ? null : await startedFrom(db, auth, request, request.viewId);
  const ids = await followMerges(db, [...new Set(ticketIds)]);
  const where = inArray(tickets.id, ids);
  const { departmentIds, total } = await departmentsOf(db, where);
  if (total < ids.length) throw notFound(`${ids.length - total} of the selected tickets (purged or unknown)`);
  for (const d of departmentIds) enforce(checkPermission(auth.access, 'ticket.view', d));
  if (request.departmentId !== 'all' && departmentIds.some((d) => d !== request.departmentId)) {
    throw new ApiFailure(
      400,
      'VALIDATION',
      'The selection holds tickets of other departments than the view it was started from; start it from the all-departments view or select again.',
    );
  }
  const allDepartments = view ? view.kind === 'all_departments' : request.departmentId === 'all';
  return { mode: modeOrRefuse(total, 'selection'), allDepartments, view, departmentIds, where, total };
}

/** Every live ticket a view matches, in the departments the agent can see: what "all tickets in this view" selects. */
async function viewSelection(db: Db, auth: AuthContext, view: View): Promise<{ where: SQL; departmentIds: number[]; total: number }> {
  const live = and(isNull(tickets.trashedAt), isNull(tickets.mergedIntoId));
  const scopeDepartments = view.departmentId === null ? visibleDepartmentIds(auth.access) : [view.departmentId];
  const filter: ViewFilter = view.kind === 'spam' ? { ...view.filter, spam: true } : view.filter;
  const where = and(inArray(tickets.departmentId, scopeDepartments), live, viewFilterSql(filter, { agentId: auth.agent.id }))!;
  return { where, ...(await departmentsOf(db, where)) };
}

/** How many tickets "select all in this view" would take right now. */
export async function countView(db: Db, auth: AuthContext, viewId: number): Promise<number> {
  return (await viewSelection(db, auth, await useView(db, auth, viewId))).total;
}
