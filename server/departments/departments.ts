import { asc, eq, inArray } from 'drizzle-orm';
import { checkPermission, visibleDepartmentIds } from '../../core/rules/permissions';
import type { Department } from '../../core/schemas/department';
import type { Db } from '../db/client';
import { departments } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';

/** The departments where the agent can view tickets, by name. */
export async function listDepartments(db: Db, auth: AuthContext): Promise<Department[]> {
  const ids = visibleDepartmentIds(auth.access);
  if (ids.length === 0) return [];
  return db.select().from(departments).where(inArray(departments.id, ids)).orderBy(asc(departments.name));
}

/** One department: 404 when missing, 403 without ticket.view there. */
export async function getDepartment(db: Db, auth: AuthContext, id: number): Promise<Department> {
  const [department] = await db.select().from(departments).where(eq(departments.id, id));
  if (!department) throw notFound(`Department ${id}`);
  enforce(checkPermission(auth.access, 'ticket.view', department.id));
  return department;
}
