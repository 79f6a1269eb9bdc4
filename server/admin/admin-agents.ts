import { and, asc, eq, inArray } from 'drizzle-orm';
import { checkManagesSomeDepartment, checkMayManageAgent, managedDepartmentIds, type AgentHolding } from '../../core/rules/admin-scope';
import { normalizePermissions } from '../../core/rules/permissions';
import type { AdminAgent } from '../../core/schemas/admin-people';
import type { Permission } from '../../core/schemas/role';
import type { Db } from '../db/client';
import { agents, memberships, rolePermissions, roles, teamMembers, teams } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import type { AgentRow } from '../db/rows';

/**
 * Agents as an admin sees them: every agent (to add them to a department), with their roles and
 * teams in the departments this admin manages only (R-PERM-1).
 */
async function loadAdminAgents(db: Db, auth: AuthContext, agentIds?: readonly number[]): Promise<AdminAgent[]> {
  const only = agentIds === undefined ? undefined : inArray(agents.id, [...agentIds]);
  if (agentIds?.length === 0) return [];
  const rows = await db.select().from(agents).where(only).orderBy(asc(agents.name), asc(agents.id));
  const managed = managedDepartmentIds(auth.access);
  const ids = rows.map((r) => r.id);
  if (managed.length === 0 || ids.length === 0) return rows.map((r) => toAdminAgent(r, [], []));
  const held = await db
    .select()
    .from(memberships)
    .where(and(inArray(memberships.agentId, ids), inArray(memberships.departmentId, managed)))
    .orderBy(asc(memberships.departmentId));
  const teamRows = await db
    .select({ agentId: teamMembers.agentId, teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(inArray(teamMembers.agentId, ids), inArray(teams.departmentId, managed)))
    .orderBy(asc(teamMembers.teamId));
  return rows.map((r) =>
    toAdminAgent(
      r,
      held.filter((m) => m.agentId === r.id),
      teamRows.filter((t) => t.agentId === r.id),
    ),
  );
}

function toAdminAgent(row: AgentRow, held: { departmentId: number; roleId: number }[], teamRows: { teamId: number }[]): AdminAgent {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.active,
    memberships: held.map(({ departmentId, roleId }) => ({ departmentId, roleId })),
    teamIds: teamRows.map((t) => t.teamId),
  };
}

/** The agent list of the admin console: for anyone with settings.manage somewhere. */
export async function listAdminAgents(db: Db, auth: AuthContext): Promise<AdminAgent[]> {
  enforce(checkManagesSomeDepartment(auth.access));
  return loadAdminAgents(db, auth);
}

export async function loadAdminAgent(db: Db, auth: AuthContext, agentId: number): Promise<AdminAgent> {
  const [agent] = await loadAdminAgents(db, auth, [agentId]);
  if (!agent) throw notFound(`Agent ${agentId}`);
  return agent;
}

/** The role the agent holds in each department they work in, with what it grants there. */
export async function agentHoldings(db: Db, agentId: number): Promise<AgentHolding[]> {
  const rows = await db
    .select({ departmentId: memberships.departmentId, name: roles.name, kind: roles.kind, permissions: rolePermissions.permissions })
    .from(memberships)
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .leftJoin(rolePermissions, and(eq(rolePermissions.roleId, memberships.roleId), eq(rolePermissions.departmentId, memberships.departmentId)))
    .where(eq(memberships.agentId, agentId))
    .orderBy(asc(memberships.departmentId));
  return rows.map((r) => ({ ...r, permissions: normalizePermissions((r.permissions ?? []) as Permission[]) }));
}

/**
 * An agent the caller may change, with the departments they work in: 404 when missing, 403 unless
 * the caller manages every one of those departments and holds there what the agent holds (R-PERM-3/5),
 * so a department admin cannot reach wider access through the agent's tokens.
 */
export async function manageableAgent(db: Db, auth: AuthContext, agentId: number): Promise<{ agent: AgentRow; departmentIds: number[] }> {
  const [agent] = await db.select().from(agents).where(eq(agents.id, agentId));
  if (!agent) throw notFound(`Agent ${agentId}`);
  const holdings = await agentHoldings(db, agent.id);
  enforce(checkMayManageAgent(auth.access, auth.roleIn, agent, holdings));
  return { agent, departmentIds: holdings.map((h) => h.departmentId) };
}
