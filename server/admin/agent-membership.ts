import { and, eq, inArray } from 'drizzle-orm';
import { checkMayAssignRole, checkMayChangeHeldRole, checkMayHandOutIn } from '../../core/rules/admin-scope';
import type { AdminAgent, MembershipPut } from '../../core/schemas/admin-people';
import type { Db } from '../db/client';
import { agents, departments, memberships, teamMembers, teams } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { loadAdminAgent } from './admin-agents';
import { revokeOutgrownTokens } from './api-tokens';
import { recordAudit } from './audit-log';
import { roleRow, storedRolePermissions } from './admin-roles';
import { unassignLeaver } from './leaver-tickets';
import { departmentsWithAdmins, lockDepartments, refuseLockOut, refuseLosingLastAdmin } from './lock-out';

/** R-PERM-3/5: another agent's role is taken back only by someone who could have given it; stepping down yourself is always allowed. */
async function refuseTakingBack(db: Db, auth: AuthContext, agent: { id: number; name: string }, departmentId: number, newRoleId: number | null) {
  if (agent.id === auth.agent.id) return;
  const [current] = await db
    .select({ roleId: memberships.roleId })
    .from(memberships)
    .where(and(eq(memberships.agentId, agent.id), eq(memberships.departmentId, departmentId)));
  if (!current || current.roleId === newRoleId) return;
  const held = await roleRow(db, current.roleId);
  enforce(checkMayChangeHeldRole(auth.access, auth.roleIn, departmentId, agent.name, { ...held, permissions: await storedRolePermissions(db, held.id, departmentId) }));
}

/** Out of a department means out of its teams and its tickets too. */
async function removeMembership(db: Db, auth: AuthContext, agentId: number, departmentId: number) {
  await db.delete(memberships).where(and(eq(memberships.agentId, agentId), eq(memberships.departmentId, departmentId)));
  const departmentTeams = db.select({ id: teams.id }).from(teams).where(eq(teams.departmentId, departmentId));
  await db.delete(teamMembers).where(and(eq(teamMembers.agentId, agentId), inArray(teamMembers.teamId, departmentTeams)));
  await unassignLeaver(db, agentId, departmentId, auth.agent.id);
}

/** R-PERM-1: the role an agent holds in one department; none takes them out of it, its teams and its tickets. */
export async function setMembership(db: Db, auth: AuthContext, agentId: number, departmentId: number, body: MembershipPut): Promise<AdminAgent> {
  const [department] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
  if (!department) throw notFound(`Department ${departmentId}`);
  await lockDepartments(db, [departmentId]);
  const role = body.roleId === null ? null : await roleRow(db, body.roleId);
  // R-PERM-3/5: a role hands out what it grants there, so the caller must hold it all (the admin role: be an admin there).
  const handOut = role
    ? checkMayAssignRole(auth.access, auth.roleIn, departmentId, { ...role, permissions: await storedRolePermissions(db, role.id, departmentId) })
    : { ok: true as const };
  enforce(checkMayHandOutIn(auth.access, departmentId, handOut));
  const [agent] = await db.select({ id: agents.id, name: agents.name }).from(agents).where(eq(agents.id, agentId));
  if (!agent) throw notFound(`Agent ${agentId}`);
  const hadAdmins = await departmentsWithAdmins(db, [departmentId]);
  const [before] = await db
    .select({ roleId: memberships.roleId })
    .from(memberships)
    .where(and(eq(memberships.agentId, agent.id), eq(memberships.departmentId, departmentId)));
  await refuseTakingBack(db, auth, agent, departmentId, role?.id ?? null);
  if (role) {
    await db
      .insert(memberships)
      .values({ agentId: agent.id, departmentId, roleId: role.id })
      .onConflictDoUpdate({ target: [memberships.agentId, memberships.departmentId], set: { roleId: role.id } });
  } else {
    await removeMembership(db, auth, agent.id, departmentId);
  }
  await refuseLockOut(db, auth, [departmentId]);
  await refuseLosingLastAdmin(db, auth, hadAdmins);
  if ((before?.roleId ?? null) !== (role?.id ?? null)) {
    const details = { departmentId, roleIdBefore: before?.roleId ?? null, roleIdAfter: role?.id ?? null, roleNameAfter: role?.name ?? null };
    await recordAudit(db, { actorId: auth.agent.id, action: 'agent.role_changed', agentId: agent.id, roleId: role?.id ?? null, departmentIds: [departmentId], details });
    await revokeOutgrownTokens(db, auth.agent.id, [agent.id]);
  }
  return loadAdminAgent(db, auth, agent.id);
}
