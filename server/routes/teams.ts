import * as contracts from '../../core/contracts';
import { listTeams } from '../admin/admin-teams';
import { createTeam, removeTeam, updateTeam } from '../admin/team-changes';
import type { Api } from '../http/route';

export function teamRoutes(api: Api) {
  api.add(contracts.teams.list, async ({ db, auth, query }) => ({ items: await listTeams(db, auth, query.departmentId) }));
  api.add(contracts.teams.create, ({ db, auth, body }) => createTeam(db, auth, body));
  api.add(contracts.teams.update, ({ db, auth, params, body }) => updateTeam(db, auth, params.id, body));
  api.add(contracts.teams.remove, ({ db, auth, params }) => removeTeam(db, auth, params.id));
}
