import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { createBlueprint, deleteBlueprint, listBlueprints, updateBlueprint } from '../templates/blueprints';

export function blueprintRoutes(api: Api) {
  api.add(contracts.blueprints.list, async ({ db, auth, query }) => ({ items: await listBlueprints(db, auth, query.departmentId) }));
  api.add(contracts.blueprints.create, ({ db, auth, body }) => createBlueprint(db, auth, body));
  api.add(contracts.blueprints.update, ({ db, auth, params, body }) => updateBlueprint(db, auth, params.id, body));
  api.add(contracts.blueprints.remove, ({ db, auth, params }) => deleteBlueprint(db, auth, params.id));
}
