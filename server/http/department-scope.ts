import { eq } from 'drizzle-orm';
import { checkPermission, visibleDepartmentIds } from '../../core/rules/permissions';
import type { Db } from '../db/client';
import { departments } from '../db/schema';
import type { AuthContext } from './app-env';
import { enforce, notFound } from './api-failure';

/** R-PERM-5: one department asked for (checked: 403 without ticket.view) or every department the agent can view. */
export function readableDepartments(auth: AuthContext, departmentId: number | undefined): number[] {
  if (departmentId === undefined) return visibleDepartmentIds(auth.access);
  enforce(checkPermission(auth.access, 'ticket.view', departmentId));
  return [departmentId];
}

/** A department whose settings the agent may change (settings.manage, R-PERM-1): 404 when missing, 403 otherwise. */
export async function managedDepartment(db: Db, auth: AuthContext, id: number) {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  if (!row) throw notFound(`Department ${id}`);
  enforce(checkPermission(auth.access, 'settings.manage', row.id));
  return row;
}
