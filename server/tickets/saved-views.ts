import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { canSeeView, checkViewWrite, effectiveViewKind, isSystemView } from '../../core/rules/view-editing';
import type { Removed } from '../../core/schemas/api';
import type { View, ViewCreate, ViewFilter, ViewPatch } from '../../core/schemas/view';
import type { Db } from '../db/client';
import type { ViewRow } from '../db/rows';
import { departments, jobs, views } from '../db/schema';
import { ApiFailure, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { readableDepartments } from '../http/department-scope';

/** A view as the API shows it: its kind is the one R-BULK-4/5 judge it by now (archived after the department's period unused). */
async function toViews(db: Db, rows: ViewRow[], now = new Date()): Promise<View[]> {
  const departmentIds = [...new Set(rows.flatMap((r) => (r.departmentId === null ? [] : [r.departmentId])))];
  const periods = new Map(
    departmentIds.length === 0
      ? []
      : (await db.select({ id: departments.id, features: departments.features }).from(departments).where(inArray(departments.id, departmentIds))).map((d) => [
          d.id,
          d.features.viewArchiveDays,
        ]),
  );
  return rows.map((row) => {
    const view = { ...row, kind: row.kind as View['kind'], filter: row.filter as ViewFilter, lastUsedAt: row.lastUsedAt.toISOString() };
    return { ...view, kind: effectiveViewKind(view, now, row.departmentId === null ? undefined : periods.get(row.departmentId)) };
  });
}

/** Saved ticket views of the agent's departments: shared ones and the agent's own; without a department asked for, the "all departments" views too. */
export async function listViews(db: Db, auth: AuthContext, departmentId: number | undefined): Promise<View[]> {
  const ids = readableDepartments(auth, departmentId);
  if (ids.length === 0) return [];
  const scope = departmentId === undefined ? or(inArray(views.departmentId, ids), isNull(views.departmentId)) : inArray(views.departmentId, ids);
  const mine = or(isNull(views.ownerAgentId), eq(views.ownerAgentId, auth.agent.id));
  const rows = await db.select().from(views).where(and(scope, mine)).orderBy(asc(views.departmentId), asc(views.name), asc(views.id));
  return toViews(db, rows);
}

// An hour is fine enough for a period counted in days, and spares a write on every count.
const USE_GRANULARITY = sql`interval '1 hour'`;

/**
 * A view the agent may use, as R-BULK-4/5 judge it, marked used: another agent's own view answers
 * 404 (its name is theirs), a department the agent cannot see 403 (R-PERM-5).
 */
export async function useView(db: Db, auth: AuthContext, id: number): Promise<View> {
  const [row] = await db.select().from(views).where(eq(views.id, id));
  if (!row || (row.ownerAgentId !== null && row.ownerAgentId !== auth.agent.id)) throw notFound(`View ${id}`);
  // R-PERM-5: answers 403 naming ticket.view.
  if (!canSeeView(auth.access, auth.agent.id, row)) readableDepartments(auth, row.departmentId!);
  // Judge the view by its use before this one: a view unused for the period stays archived until it is used again.
  const [view] = await toViews(db, [row]);
  await db
    .update(views)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(views.id, id), lt(views.lastUsedAt, sql`now() - ${USE_GRANULARITY}`)));
  return view!;
}

const taken = (name: string) => new ApiFailure(409, 'CONFLICT', `You already have a view named "${name}" in this department; pick another name.`);

async function refuseTakenName(db: Db, target: { departmentId: number; ownerAgentId: number | null; name: string; exceptId?: number }) {
  const owner = target.ownerAgentId === null ? isNull(views.ownerAgentId) : eq(views.ownerAgentId, target.ownerAgentId);
  const [row] = await db
    .select({ id: views.id })
    .from(views)
    .where(and(eq(views.departmentId, target.departmentId), owner, sql`lower(${views.name}) = lower(${target.name})`, sql`${views.id} <> ${target.exceptId ?? 0}`));
  if (row) throw taken(target.name);
}

/** An agent's own view, or (with settings.manage) one shared with the department. Always a normal view: the system kinds are seeded. */
export async function createView(db: Db, auth: AuthContext, body: ViewCreate): Promise<View> {
  enforce(checkViewWrite(auth.access, body));
  const ownerAgentId = body.shared ? null : auth.agent.id;
  await refuseTakenName(db, { departmentId: body.departmentId, ownerAgentId, name: body.name });
  const [row] = await db.insert(views).values({ name: body.name, kind: 'normal', departmentId: body.departmentId, ownerAgentId, filter: body.filter }).returning();
  return (await toViews(db, [row!]))[0]!;
}

async function writableView(db: Db, auth: AuthContext, id: number): Promise<ViewRow> {
  const [row] = await db.select().from(views).where(eq(views.id, id)).for('update');
  if (!row || (row.ownerAgentId !== null && row.ownerAgentId !== auth.agent.id)) throw notFound(`View ${id}`);
  if (isSystemView({ kind: row.kind as View['kind'], departmentId: row.departmentId })) {
    throw new ApiFailure(
      409,
      'CONFLICT',
      `The view "${row.name}" is one of the department's standard views: R-BULK-4 and R-BULK-5 are defined by them, so it cannot be changed or deleted. Create a view of your own instead.`,
      'R-BULK-4',
    );
  }
  enforce(checkViewWrite(auth.access, { departmentId: row.departmentId!, shared: row.ownerAgentId === null }));
  return row;
}

export async function updateView(db: Db, auth: AuthContext, id: number, patch: ViewPatch): Promise<View> {
  const row = await writableView(db, auth, id);
  if (patch.name !== undefined) await refuseTakenName(db, { departmentId: row.departmentId!, ownerAgentId: row.ownerAgentId, name: patch.name, exceptId: row.id });
  const [updated] = await db
    .update(views)
    .set({ ...(patch.name === undefined ? {} : { name: patch.name }), ...(patch.filter === undefined ? {} : { filter: patch.filter }) })
    .where(eq(views.id, row.id))
    .returning();
  return (await toViews(db, [updated!]))[0]!;
}

/** Jobs keep their history: a job row names its view, so the view stays until no job refers to it. */
export async function deleteView(db: Db, auth: AuthContext, id: number): Promise<Removed> {
  const row = await writableView(db, auth, id);
  const [used] = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.viewId, row.id)).limit(1);
  if (used) throw new ApiFailure(409, 'CONFLICT', `The view "${row.name}" is named in the history of jobs that ran on it, so it is kept; rename it instead.`);
  await db.delete(views).where(eq(views.id, row.id));
  return { id: row.id, removed: true };
}
