import * as contracts from '../../core/contracts';
import { listScopedRoles } from '../admin/admin-roles';
import { createRole, removeRole, setRolePermissions } from '../admin/role-changes';
import type { Api } from '../http/route';

export function roleRoutes(api: Api) {
  api.add(contracts.roles.list, async ({ db, auth }) => ({ items: await listScopedRoles(db, auth) }));
  api.add(contracts.roles.create, ({ db, auth, body }) => createRole(db, auth, body));
  api.add(contracts.roles.setPermissions, ({ db, auth, params, body }) => setRolePermissions(db, auth, params.id, params.departmentId, body));
  api.add(contracts.roles.remove, ({ db, auth, params }) => removeRole(db, auth, params.id));
}
