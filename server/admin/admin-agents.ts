import { and, asc, eq, inArray } from 'drizzle-orm';
import { checkManagesEvery, managedDepartmentIds } from '../../core/rules/admin-scope';
import type { AdminAgent } from '../../core/schemas/admin-people';
import type { Db } from '../db/client';
import { agents, memberships, teamMembers, teams } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';

type AgentRow = typeof agents.$inferSelect;

/**
 * Agents as an admin sees them: every agent (to add them to a department), with their roles and
 * teams in the departments this admin manages only (R-PERM-1).
 */
export async function loadAdminAgents(db: Db, auth: AuthContext, agentIds?: readonly number[]): Promise<AdminAgent[]> {
  const only = agentIds === undefined ? undefined : inArray(agents.id, [...agentIds]);
  if (agentIds?.length === 0) return [];
  const rows = await db.select().from(agents).where(only).orderBy(asc(agents.name), asc(agents.id));
  const managed = managedDepartmentIds(auth.access);
  const ids = rows.map((r) => r.id);
  if (managed.length === 0 || ids.length === 0) return rows.map((r) => toAdminAgent(r, [], []));
  const roles = await db
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
      roles.filter((m) => m.agentId === r.id),
      teamRows.filter((t) => t.agentId === r.id),
    ),
  );
}

function toAdminAgent(row: AgentRow, roles: { departmentId: number; roleId: number }[], teamRows: { teamId: number }[]): AdminAgent {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.active,
    memberships: roles.map(({ departmentId, roleId }) => ({ departmentId, roleId })),
    teamIds: teamRows.map((t) => t.teamId),
  };
}

export async function loadAdminAgent(db: Db, auth: AuthContext, agentId: number): Promise<AdminAgent> {
  const [agent] = await loadAdminAgents(db, auth, [agentId]);
  if (!agent) throw notFound(`Agent ${agentId}`);
  return agent;
}

/** Every department the agent works in, whoever is asking. */
export async function agentDepartmentIds(db: Db, agentId: number): Promise<number[]> {
  const rows = await db.select({ id: memberships.departmentId }).from(memberships).where(eq(memberships.agentId, agentId)).orderBy(asc(memberships.departmentId));
  return rows.map((r) => r.id);
}

/**
 * An agent the caller may change, with the departments they work in: 404 when missing, 403 unless
 * the caller manages every one of those departments (a department admin cannot reach wider access).
 */
export async function manageableAgent(db: Db, auth: AuthContext, agentId: number): Promise<{ agent: AgentRow; departmentIds: number[] }> {
  const [agent] = await db.select().from(agents).where(eq(agents.id, agentId));
  if (!agent) throw notFound(`Agent ${agentId}`);
  const departmentIds = await agentDepartmentIds(db, agent.id);
  enforce(checkManagesEvery(auth.access, departmentIds, `agent ${agent.name} works there`));
  return { agent, departmentIds };
}
