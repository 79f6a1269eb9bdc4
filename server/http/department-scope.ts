import { checkPermission, visibleDepartmentIds } from '../../core/rules/permissions';
import type { AuthContext } from './app-env';
import { enforce } from './api-failure';

/** R-PERM-5: one department asked for (checked: 403 without ticket.view) or every department the agent can view. */
export function readableDepartments(auth: AuthContext, departmentId: number | undefined): number[] {
  if (departmentId === undefined) return visibleDepartmentIds(auth.access);
  enforce(checkPermission(auth.access, 'ticket.view', departmentId));
  return [departmentId];
}
