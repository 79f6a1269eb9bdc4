import { and, asc, eq, inArray } from 'drizzle-orm';
import { checkManagesSomeDepartment, managedDepartmentIds, scopeRole } from '../../core/rules/admin-scope';
import { normalizePermissions } from '../../core/rules/permissions';
import type { Permission, Role } from '../../core/schemas/role';
import type { Db } from '../db/client';
import { rolePermissions, roles } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import type { RoleRow } from '../db/rows';

/** Every role with its permissions in all departments (callers scope it to what the viewer manages). */
async function loadRoles(db: Db, roleIds?: readonly number[]): Promise<Role[]> {
  if (roleIds?.length === 0) return [];
  const only = roleIds === undefined ? undefined : inArray(roles.id, [...roleIds]);
  const rows = await db.select().from(roles).where(only).orderBy(asc(roles.name), asc(roles.id));
  if (rows.length === 0) return [];
  const grants = await db
    .select()
    .from(rolePermissions)
    .where(
      inArray(
        rolePermissions.roleId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(rolePermissions.departmentId));
  return rows.map((role) => ({
    ...role,
    departments: grants.filter((g) => g.roleId === role.id).map((g) => ({ departmentId: g.departmentId, permissions: normalizePermissions(g.permissions as Permission[]) })),
  }));
}

/** Roles as one admin sees them: each with its permissions in the departments they manage (R-PERM-1). */
async function loadScopedRoles(db: Db, auth: AuthContext, roleIds?: readonly number[]): Promise<Role[]> {
  const managed = managedDepartmentIds(auth.access);
  return (await loadRoles(db, roleIds)).map((role) => scopeRole(role, managed));
}

/** The role list of the admin console: for anyone with settings.manage somewhere. */
export async function listScopedRoles(db: Db, auth: AuthContext): Promise<Role[]> {
  enforce(checkManagesSomeDepartment(auth.access));
  return loadScopedRoles(db, auth);
}

export async function loadScopedRole(db: Db, auth: AuthContext, roleId: number): Promise<Role> {
  const [role] = await loadScopedRoles(db, auth, [roleId]);
  if (!role) throw notFound(`Role ${roleId}`);
  return role;
}

export async function roleRow(db: Db, roleId: number): Promise<RoleRow> {
  const [row] = await db.select().from(roles).where(eq(roles.id, roleId));
  if (!row) throw notFound(`Role ${roleId}`);
  return row;
}

/** The departments where the role grants anything. */
export async function roleDepartmentIds(db: Db, roleId: number): Promise<number[]> {
  const rows = await db.select({ id: rolePermissions.departmentId }).from(rolePermissions).where(eq(rolePermissions.roleId, roleId));
  return rows.map((r) => r.id);
}

/** What the role grants in one department now (none when it has no row there). */
export async function storedRolePermissions(db: Db, roleId: number, departmentId: number): Promise<Permission[]> {
  const [row] = await db
    .select({ permissions: rolePermissions.permissions })
    .from(rolePermissions)
    .where(and(eq(rolePermissions.roleId, roleId), eq(rolePermissions.departmentId, departmentId)));
  return normalizePermissions((row?.permissions ?? []) as Permission[]);
}

/** R-PERM-1: a role's whole permission set in one department; an empty set removes the row. */
export async function storeRolePermissions(db: Db, roleId: number, departmentId: number, permissions: Permission[]): Promise<void> {
  const where = and(eq(rolePermissions.roleId, roleId), eq(rolePermissions.departmentId, departmentId));
  if (permissions.length === 0) {
    await db.delete(rolePermissions).where(where);
    return;
  }
  await db
    .insert(rolePermissions)
    .values({ roleId, departmentId, permissions })
    .onConflictDoUpdate({ target: [rolePermissions.roleId, rolePermissions.departmentId], set: { permissions } });
}
