import { Team, TeamCreate, TeamPatch } from '../schemas/admin-people';
import { DepartmentQuery, IdParams, itemsOf, Removed } from '../schemas/api';
import { resource } from './contract';

/** Teams of a department: tickets are assigned to them (settings.manage to change them). */
export const teams = resource('teams', 'teams', {
  list: { method: 'get', path: '/teams', summary: 'Teams of the departments you can view, with their members', query: DepartmentQuery, response: itemsOf(Team) },
  create: { method: 'post', path: '/teams', summary: 'Create a team of active members of its department (settings.manage there)', body: TeamCreate, response: Team, status: 201 },
  update: {
    method: 'patch',
    path: '/teams/:id',
    summary: 'Rename a team or replace its members (settings.manage in its department)',
    params: IdParams,
    body: TeamPatch,
    response: Team,
  },
  remove: { method: 'delete', path: '/teams/:id', summary: 'Delete a team no live ticket is assigned to (settings.manage in its department)', params: IdParams, response: Removed },
});
