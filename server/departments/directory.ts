import { asc, inArray } from 'drizzle-orm';
import { visibleDepartmentIds } from '../../core/rules/permissions';
import type { Directory } from '../../core/schemas/directory';
import type { Db } from '../db/client';
import { agents, departments, memberships, teamMembers, teams } from '../db/schema';
import type { AuthContext } from '../http/app-env';

/** Departments the agent can view, with their agents and teams (for pickers and badges). */
export async function loadDirectory(db: Db, auth: AuthContext): Promise<Directory> {
  const departmentIds = visibleDepartmentIds(auth.access);
  if (departmentIds.length === 0) return { departments: [], agents: [], teams: [] };
  const [departmentRows, memberRows, teamRows] = await Promise.all([
    db.select().from(departments).where(inArray(departments.id, departmentIds)).orderBy(asc(departments.name)),
    db.select().from(memberships).where(inArray(memberships.departmentId, departmentIds)),
    db.select().from(teams).where(inArray(teams.departmentId, departmentIds)).orderBy(asc(teams.name)),
  ]);
  const agentIds = [...new Set(memberRows.map((m) => m.agentId))];
  const [agentRows, teamMemberRows] = await Promise.all([
    agentIds.length ? db.select().from(agents).where(inArray(agents.id, agentIds)).orderBy(asc(agents.name)) : [],
    teamRows.length
      ? db
          .select()
          .from(teamMembers)
          .where(
            inArray(
              teamMembers.teamId,
              teamRows.map((t) => t.id),
            ),
          )
      : [],
  ]);
  return {
    departments: departmentRows,
    agents: agentRows.map(({ createdAt: _c, ...a }) => ({
      ...a,
      departmentIds: memberRows.filter((m) => m.agentId === a.id).map((m) => m.departmentId),
    })),
    teams: teamRows.map((t) => ({ ...t, memberIds: teamMemberRows.filter((m) => m.teamId === t.id).map((m) => m.agentId) })),
  };
}
