import { asc, inArray } from 'drizzle-orm';
import * as contracts from '../../core/contracts';
import { visibleDepartmentIds } from '../../core/rules/permissions';
import { agents, departments, memberships, teamMembers, teams } from '../db/schema';
import type { Api } from '../http/route';

export function directoryRoutes(api: Api) {
  api.add(
    contracts.directory.get,
    async ({ db, auth }) => {
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
        teamRows.length ? db.select().from(teamMembers).where(inArray(teamMembers.teamId, teamRows.map((t) => t.id))) : [],
      ]);
      return {
        departments: departmentRows,
        agents: agentRows.map(({ createdAt: _c, ...a }) => ({
          ...a,
          departmentIds: memberRows.filter((m) => m.agentId === a.id).map((m) => m.departmentId),
        })),
        teams: teamRows.map((t) => ({ ...t, memberIds: teamMemberRows.filter((m) => m.teamId === t.id).map((m) => m.agentId) })),
      };
    },
  );
}
