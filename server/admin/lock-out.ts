import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { departmentLabel } from '../../core/rules/permissions';
import type { Db } from '../db/client';
import { agents, departments, memberships, rolePermissions } from '../db/schema';
import { conflict } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';

/**
 * Changes that could take settings.manage away lock their departments first, so two admins
 * demoting each other at once take turns and the second sees the first's change.
 */
export async function lockDepartments(db: Db, departmentIds: readonly number[]): Promise<void> {
  if (departmentIds.length === 0) return;
  // One order for everyone, so two lockers of overlapping sets cannot deadlock.
  await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, [...departmentIds])).orderBy(asc(departments.id)).for('no key update');
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
