import { RoleCreate, RolePermissionsPut } from '../schemas/admin-people';
import { IdInDepartmentParams, IdParams, itemsOf, Removed } from '../schemas/api';
import { Role } from '../schemas/role';
import { resource } from './contract';

/** Roles and their permissions per department (R-PERM-1/2); every write needs settings.manage where it reaches. */
export const roles = resource('roles', 'roles', {
  list: { method: 'get', path: '/roles', summary: 'Every role, with its permissions in the departments you manage (settings.manage somewhere)', response: itemsOf(Role) },
  create: {
    method: 'post',
    path: '/roles',
    summary: 'Create a role, empty or copying another role in the departments you manage (only what you could grant there yourself)',
    body: RoleCreate,
    response: Role,
    status: 201,
  },
  setPermissions: {
    method: 'put',
    path: '/roles/:id/departments/:departmentId',
    summary:
      "Set a role's permissions in one department (settings.manage there; only permissions you hold there, bulk reply and settings.manage only as an admin there, R-PERM-3/4/5; not the admin role; never the last manager's settings.manage)",
    params: IdInDepartmentParams,
    body: RolePermissionsPut,
    response: Role,
  },
  remove: { method: 'delete', path: '/roles/:id', summary: 'Delete a role nobody holds (settings.manage wherever it has permissions)', params: IdParams, response: Removed },
});
