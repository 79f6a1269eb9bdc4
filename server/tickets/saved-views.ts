import { and, asc, inArray, isNull, or } from 'drizzle-orm';
import type { View, ViewFilter } from '../../core/schemas/view';
import type { Db } from '../db/client';
import { views } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { readableDepartments } from '../http/department-scope';

/** Saved ticket views of the agent's departments; without a department asked for, the "all departments" views too. */
export async function listViews(db: Db, auth: AuthContext, departmentId: number | undefined): Promise<View[]> {
  const ids = readableDepartments(auth, departmentId);
  if (ids.length === 0) return [];
  const scope = departmentId === undefined ? or(inArray(views.departmentId, ids), isNull(views.departmentId)) : inArray(views.departmentId, ids);
  const rows = await db.select().from(views).where(and(scope)).orderBy(asc(views.departmentId), asc(views.name));
  return rows.map((v) => ({ ...v, kind: v.kind as View['kind'], filter: v.filter as ViewFilter }));
}
