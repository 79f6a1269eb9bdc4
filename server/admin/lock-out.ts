import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { departmentLabel } from '../../core/rules/permissions';
import type { Db } from '../db/client';
import { agents, departments, memberships, rolePermissions, roles } from '../db/schema';
import { conflict } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';

/**
 * Changes that could take settings.manage away lock their departments first, so two admins
 * demoting each other at once take turns and the second sees the first's change.
 */
export async function lockDepartments(db: Db, departmentIds: readonly number[]): Promise<void> {
  if (departmentIds.length === 0) return;
  // One order for everyone, so two lockers of overlapping sets cannot deadlock.
  await db
    .select({ id: departments.id })
    .from(departments)
    .where(inArray(departments.id, [...departmentIds]))
    .orderBy(asc(departments.id))
    .for('no key update');
}

/** Active agents whose role grants settings.manage in the department. */
async function managerCount(db: Db, departmentId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(agents, eq(agents.id, memberships.agentId))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, memberships.roleId), eq(rolePermissions.departmentId, memberships.departmentId)))
    .where(and(eq(memberships.departmentId, departmentId), eq(agents.active, true), sql`'settings.manage' = any(${rolePermissions.permissions})`));
  return Number(row?.n ?? 0);
}

/**
 * The lock-out guard: run after the change, inside its transaction, so a refusal rolls it back.
 * A department nobody active can manage could never be configured again through the API.
 */
export async function refuseLockOut(db: Db, auth: AuthContext, departmentIds: readonly number[]): Promise<void> {
  for (const departmentId of departmentIds) {
    if ((await managerCount(db, departmentId)) > 0) continue;
    throw conflict(
      `This change would leave no active agent with settings.manage in department ${departmentLabel(auth.access, departmentId)}, and nobody could manage it any more. Give settings.manage to someone else there first.`,
      { departmentId },
    );
  }
}

/** The departments among these where an active agent holds an admin-kind role. */
export async function departmentsWithAdmins(db: Db, departmentIds: readonly number[]): Promise<Set<number>> {
  if (departmentIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ departmentId: memberships.departmentId })
    .from(memberships)
    .innerJoin(agents, eq(agents.id, memberships.agentId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(inArray(memberships.departmentId, [...departmentIds]), eq(agents.active, true), eq(roles.kind, 'admin')));
  return new Set(rows.map((r) => r.departmentId));
}

/**
 * R-PERM-3: only an admin of a department hands out bulk reply, settings.manage and the admin role
 * there, so a department that had an admin keeps one. Run after the change, inside its transaction.
 */
export async function refuseLosingLastAdmin(db: Db, auth: AuthContext, hadAdmins: ReadonlySet<number>): Promise<void> {
  const still = await departmentsWithAdmins(db, [...hadAdmins]);
  for (const departmentId of hadAdmins) {
    if (still.has(departmentId)) continue;
    const name = departmentLabel(auth.access, departmentId);
    throw conflict(
      `This change would leave no active admin in department ${name}, and only an admin there can grant bulk reply, settings.manage or the admin role (R-PERM-3). Make someone else an admin of ${name} first.`,
      { departmentId },
    );
  }
}
