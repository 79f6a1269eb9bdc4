import { and, eq, inArray, sql } from 'drizzle-orm';
import * as contracts from '../../core/contracts';
import { checkManagesSomeDepartment, checkMayAssignRole, checkMayChangeHeldRole } from '../../core/rules/admin-scope';
import { AdminAgent, AgentCreate, AgentPatch, MembershipPut } from '../../core/schemas/admin-people';
import { loadAdminAgent, loadAdminAgents, manageableAgent } from '../admin/admin-agents';
import { roleRow, storedRolePermissions } from '../admin/admin-roles';
import { unassignLeaver } from '../admin/leaver-tickets';
import { departmentsWithAdmins, lockDepartments, refuseLockOut, refuseLosingLastAdmin } from '../admin/lock-out';
import type { Db } from '../db/client';
import { agents, memberships, teamMembers, teams } from '../db/schema';
import { conflict, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';
import type { Api } from '../http/route';

const emailTaken = (email: string, agentId: number | undefined) =>
  conflict(
    agentId === undefined
      ? `An agent with the address ${email} already exists; give them a role in your department instead of adding them again.`
      : `Agent ${agentId} already has the address ${email}; give them a role in your department instead of adding them again.`,
    agentId === undefined ? undefined : { agentId },
  );

const agentWithEmail = async (db: Db, email: string) =>
  (await db.select({ id: agents.id }).from(agents).where(sql`lower(${agents.email}) = ${email}`))[0]?.id;

/** Addresses are kept lower-case (the token command looks them up that way) and unique. */
async function createAgent(db: Db, auth: AuthContext, body: AgentCreate): Promise<AdminAgent> {
  enforce(checkManagesSomeDepartment(auth.access));
  const email = body.email.toLowerCase();
  const taken = await agentWithEmail(db, email);
  if (taken !== undefined) throw emailTaken(email, taken);
  const [row] = await db.insert(agents).values({ email, name: body.name }).onConflictDoNothing().returning();
  // A concurrent create of the same address got there first, and has committed by now.
  if (!row) throw emailTaken(email, await agentWithEmail(db, email));
  return loadAdminAgent(db, auth, row.id);
}

async function updateAgent(db: Db, auth: AuthContext, agentId: number, patch: AgentPatch): Promise<AdminAgent> {
  const { agent, departmentIds } = await manageableAgent(db, auth, agentId);
  const deactivating = patch.active === false && agent.active;
  if (deactivating && agent.id === auth.agent.id) {
    throw conflict('You cannot deactivate yourself: your tokens would stop working at once. Ask another admin to do it.');
  }
  if (deactivating) await lockDepartments(db, departmentIds);
  const hadAdmins = deactivating ? await departmentsWithAdmins(db, departmentIds) : new Set<number>();
  await db.update(agents).set(patch).where(eq(agents.id, agent.id));
  // An inactive agent's tokens stop working on their next request (requireAgent checks agents.active).
  if (deactivating) {
    await refuseLockOut(db, auth, departmentIds);
    await refuseLosingLastAdmin(db, auth, hadAdmins);
  }
  return loadAdminAgent(db, auth, agent.id);
}

/** R-PERM-3/5: another agent's role is taken back only by someone who could have given it; stepping down yourself is always allowed. */
async function refuseTakingBack(db: Db, auth: AuthContext, agent: { id: number; name: string }, departmentId: number, newRoleId: number | null) {
  if (agent.id === auth.agent.id) return;
  const [current] = await db.select({ roleId: memberships.roleId }).from(memberships).where(and(eq(memberships.agentId, agent.id), eq(memberships.departmentId, departmentId)));
  if (!current || current.roleId === newRoleId) return;
  const held = await roleRow(db, current.roleId);
  enforce(checkMayChangeHeldRole(auth.access, auth.roleIn, departmentId, agent.name, { ...held, permissions: await storedRolePermissions(db, held.id, departmentId) }));
}

/** R-PERM-1: the role an agent holds in one department; none takes them out of it, its teams and its tickets. */
async function setMembership(db: Db, auth: AuthContext, agentId: number, departmentId: number, body: MembershipPut): Promise<AdminAgent> {
  await managedDepartment(db, auth, departmentId);
  const [agent] = await db.select({ id: agents.id, name: agents.name }).from(agents).where(eq(agents.id, agentId));
  if (!agent) throw notFound(`Agent ${agentId}`);
  const role = body.roleId === null ? null : await roleRow(db, body.roleId);
  await lockDepartments(db, [departmentId]);
  const hadAdmins = await departmentsWithAdmins(db, [departmentId]);
  if (role) {
    // R-PERM-3/5: a role hands out what it grants there, so the caller must hold it all (the admin role: be an admin there).
    const permissions = await storedRolePermissions(db, role.id, departmentId);
    enforce(checkMayAssignRole(auth.access, auth.roleIn, departmentId, { ...role, permissions }));
  }
  await refuseTakingBack(db, auth, agent, departmentId, role?.id ?? null);
  if (role) {
    await db
      .insert(memberships)
      .values({ agentId: agent.id, departmentId, roleId: role.id })
      .onConflictDoUpdate({ target: [memberships.agentId, memberships.departmentId], set: { roleId: role.id } });
  } else {
    await db.delete(memberships).where(and(eq(memberships.agentId, agent.id), eq(memberships.departmentId, departmentId)));
    const departmentTeams = db.select({ id: teams.id }).from(teams).where(eq(teams.departmentId, departmentId));
    await db.delete(teamMembers).where(and(eq(teamMembers.agentId, agent.id), inArray(teamMembers.teamId, departmentTeams)));
    await unassignLeaver(db, agent.id, departmentId, auth.agent.id);
  }
  await refuseLockOut(db, auth, [departmentId]);
  await refuseLosingLastAdmin(db, auth, hadAdmins);
  return loadAdminAgent(db, auth, agent.id);
}

/** Agents and their roles per department, as admins manage them. */
export function agentRoutes(api: Api) {
  api.add(
    contracts.agents.list,
    async ({ db, auth }) => {
      enforce(checkManagesSomeDepartment(auth.access));
      return { items: await loadAdminAgents(db, auth) };
    },
  );
  api.add(
    contracts.agents.create,
    ({ db, auth, body }) => createAgent(db, auth, body),
  );
  api.add(
    contracts.agents.update,
    ({ db, auth, params, body }) => updateAgent(db, auth, params.id, body),
  );
  api.add(
    contracts.agents.setRole,
    ({ db, auth, params, body }) => setMembership(db, auth, params.id, params.departmentId, body),
  );
}
