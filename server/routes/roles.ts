import { z } from 'zod';
import { RoleCreate, RolePermissionsPut } from '../../core/schemas/admin-people';
import { IdParams } from '../../core/schemas/api';
import { IdParam } from '../../core/schemas/common';
import { Role } from '../../core/schemas/role';
import { listScopedRoles } from '../admin/admin-roles';
import { Removed } from '../admin/removed';
import { createRole, removeRole, setRolePermissions } from '../admin/role-changes';
import type { Api } from '../http/route';

const tag = 'roles';
const RoleDepartmentParams = z.object({ id: IdParam, departmentId: IdParam });

/** Roles and their permissions per department (R-PERM-1/2); every write needs settings.manage where it reaches. */
export function roleRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/roles', tag, summary: 'Every role, with its permissions in the departments you manage (settings.manage somewhere)', response: z.object({ items: z.array(Role) }) },
    async ({ db, auth }) => ({ items: await listScopedRoles(db, auth) }),
  );
  api.add(
    { method: 'post', path: '/roles', tag, summary: 'Create a role, empty or copying another role in the departments you manage (only what you could grant there yourself)', body: RoleCreate, response: Role, status: 201 },
    ({ db, auth, body }) => createRole(db, auth, body),
  );
  api.add(
    {
      method: 'put',
      path: '/roles/:id/departments/:departmentId',
      tag,
      summary: "Set a role's permissions in one department (settings.manage there; only permissions you hold there, bulk reply and settings.manage only as an admin there, R-PERM-3/4/5; not the admin role; never the last manager's settings.manage)",
      params: RoleDepartmentParams,
      body: RolePermissionsPut,
      response: Role,
    },
    ({ db, auth, params, body }) => setRolePermissions(db, auth, params.id, params.departmentId, body),
  );
  api.add(
    { method: 'delete', path: '/roles/:id', tag, summary: 'Delete a role nobody holds (settings.manage wherever it has permissions)', params: IdParams, response: Removed },
    ({ db, auth, params }) => removeRole(db, auth, params.id),
  );
}
