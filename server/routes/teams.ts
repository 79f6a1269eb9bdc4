import { z } from 'zod';
import { Team, TeamCreate, TeamPatch } from '../../core/schemas/admin-people';
import { DepartmentQuery, IdParams } from '../../core/schemas/api';
import { listTeams } from '../admin/admin-teams';
import { Removed } from '../admin/removed';
import { createTeam, removeTeam, updateTeam } from '../admin/team-changes';
import type { Api } from '../http/route';

const tag = 'teams';

/** Teams of a department: tickets are assigned to them (settings.manage to change them). */
export function teamRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/teams', tag, summary: 'Teams of the departments you can view, with their members', query: DepartmentQuery, response: z.object({ items: z.array(Team) }) },
    async ({ db, auth, query }) => ({ items: await listTeams(db, auth, query.departmentId) }),
  );
  api.add(
    { method: 'post', path: '/teams', tag, summary: 'Create a team of active members of its department (settings.manage there)', body: TeamCreate, response: Team, status: 201 },
    ({ db, auth, body }) => createTeam(db, auth, body),
  );
  api.add(
    { method: 'patch', path: '/teams/:id', tag, summary: 'Rename a team or replace its members (settings.manage in its department)', params: IdParams, body: TeamPatch, response: Team },
    ({ db, auth, params, body }) => updateTeam(db, auth, params.id, body),
  );
  api.add(
    { method: 'delete', path: '/teams/:id', tag, summary: 'Delete a team no live ticket is assigned to (settings.manage in its department)', params: IdParams, response: Removed },
    ({ db, auth, params }) => removeTeam(db, auth, params.id),
  );
}
