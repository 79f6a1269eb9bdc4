import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { checkManagesEvery, checkManagesSomeDepartment, checkMayCopyRole, checkMayGrantPermissions, checkMayHandOutIn, managedDepartmentIds } from '../../core/rules/admin-scope';
import { checkRolePermissions, normalizePermissions } from '../../core/rules/permissions';
import type { RoleCreate, RolePermissionsPut } from '../../core/schemas/admin-people';
import type { Permission, Role } from '../../core/schemas/role';
import type { Db } from '../db/client';
import { departments, memberships, rolePermissions, roles } from '../db/schema';
import { conflict, enforce, notFound, refusedWith } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { loadScopedRole, roleDepartmentIds, roleRow, storedRolePermissions, storeRolePermissions } from './admin-roles';
import { revokeOutgrownTokens } from './api-tokens';
import { recordAudit } from './audit-log';
import { lockDepartments, refuseLockOut } from './lock-out';
import { removed } from './removed';
import { phrase, refusal } from '../../core/refusals/refusal';

// R-PERM-3: the admin role holds every permission; that is what makes its holders admins.
const adminRoleIsFixed = (name: string) => refusedWith(409, 'CONFLICT', refusal('R-PERM-3', 'perm.adminRoleNamed', { role: name }));

/** Names are unique case-insensitively: agents pick roles from a list by name. */
async function refuseTakenName(db: Db, name: string, exceptId = 0) {
  const [taken] = await db
    .select()
    .from(roles)
    .where(and(sql`lower(${roles.name}) = lower(${name})`, ne(roles.id, exceptId)));
  if (taken) throw conflict(`A role named "${taken.name}" already exists; pick another name.`, { roleId: taken.id });
}

/**
 * The grants a copy takes: the source's in the departments the caller manages, each checked like a
 * grant of its own (R-PERM-3/5), so a copy never hands out more than its maker holds.
 */
async function grantsToCopy(db: Db, auth: AuthContext, sourceId: number) {
  const source = await roleRow(db, sourceId);
  const grants = await db
    .select({ departmentId: rolePermissions.departmentId, permissions: rolePermissions.permissions })
    .from(rolePermissions)
    .where(and(eq(rolePermissions.roleId, source.id), inArray(rolePermissions.departmentId, managedDepartmentIds(auth.access))));
  const copied = grants.map((g) => ({ departmentId: g.departmentId, permissions: normalizePermissions(g.permissions as Permission[]) }));
  enforce(checkMayCopyRole(auth.access, auth.roleIn, source.name, copied));
  return copied;
}

/** A new role, with no permissions or a copy of another role's in the departments the caller manages. */
export async function createRole(db: Db, auth: AuthContext, body: RoleCreate): Promise<Role> {
  enforce(checkManagesSomeDepartment(auth.access));
  const copied = body.copyFromRoleId === undefined ? [] : await grantsToCopy(db, auth, body.copyFromRoleId);
  await refuseTakenName(db, body.name);
  const [row] = await db.insert(roles).values({ name: body.name, kind: body.kind }).onConflictDoNothing().returning();
  // A concurrent create of the same name got there first.
  if (!row) throw conflict(`A role named "${body.name}" already exists; pick another name.`);
  if (copied.length > 0) await db.insert(rolePermissions).values(copied.map((g) => ({ ...g, roleId: row.id })));
  await recordAudit(db, {
    actorId: auth.agent.id,
    action: 'role.created',
    roleId: row.id,
    departmentIds: copied.map((g) => g.departmentId),
    details: { name: row.name, kind: row.kind, copiedFromRoleId: body.copyFromRoleId ?? null },
  });
  return loadScopedRole(db, auth, row.id);
}

export async function setRolePermissions(db: Db, auth: AuthContext, roleId: number, departmentId: number, body: RolePermissionsPut): Promise<Role> {
  const [department] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
  if (!department) throw notFound(`Department ${departmentId}`);
  const role = await roleRow(db, roleId);
  if (role.kind === 'admin') throw adminRoleIsFixed(role.name);
  // R-PERM-3/5: bulk reply may be granted to any non-admin role, department by department, but only
  // by an admin there; anything else only by someone who manages the department and holds it there.
  const before = await storedRolePermissions(db, role.id, departmentId);
  enforce(checkMayHandOutIn(auth.access, departmentId, checkMayGrantPermissions(auth.access, auth.roleIn, departmentId, before, body.permissions)));
  // R-PERM-4: refused rather than silently dropped, so the admin sees why bulk reply did not stick.
  enforce(checkRolePermissions(body.permissions));
  await lockDepartments(db, [departmentId]);
  const after = normalizePermissions(body.permissions);
  await storeRolePermissions(db, role.id, departmentId, after);
  await refuseLockOut(db, auth, [departmentId]);
  if (after.join() !== before.join()) {
    const details = { name: role.name, departmentId, before, after };
    await recordAudit(db, { actorId: auth.agent.id, action: 'role.permissions_changed', roleId: role.id, departmentIds: [departmentId], details });
    const holders = await db
      .select({ agentId: memberships.agentId })
      .from(memberships)
      .where(and(eq(memberships.roleId, role.id), eq(memberships.departmentId, departmentId)));
    await revokeOutgrownTokens(
      db,
      auth.agent.id,
      holders.map((h) => h.agentId),
    );
  }
  return loadScopedRole(db, auth, role.id);
}

export async function removeRole(db: Db, auth: AuthContext, roleId: number) {
  const role = await roleRow(db, roleId);
  if (role.kind === 'admin') throw adminRoleIsFixed(role.name);
  enforce(checkManagesEvery(auth.access, await roleDepartmentIds(db, role.id), phrase('perm.reason.rolePermissions', { role: role.name })));
  await db.select({ id: roles.id }).from(roles).where(eq(roles.id, role.id)).for('update');
  const [held] = await db.select({ n: count() }).from(memberships).where(eq(memberships.roleId, role.id));
  const n = Number(held?.n ?? 0);
  if (n > 0) {
    throw conflict(`Role ${role.name} is still held by ${n} membership${n === 1 ? '' : 's'}; give ${n === 1 ? 'that agent' : 'those agents'} another role first.`, {
      membershipCount: n,
    });
  }
  await db.delete(roles).where(eq(roles.id, role.id));
  await recordAudit(db, { actorId: auth.agent.id, action: 'role.removed', roleId: role.id, departmentIds: await roleDepartmentIds(db, role.id), details: { name: role.name } });
  return removed(role.id);
}
