import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { createMacro, deleteMacro, listMacros, updateMacro } from '../templates/macros';

export function macroRoutes(api: Api) {
  api.add(contracts.macros.list, async ({ db, auth, query }) => ({ items: await listMacros(db, auth, query.departmentId) }));
  api.add(contracts.macros.create, ({ db, auth, body }) => createMacro(db, auth, body));
  api.add(contracts.macros.update, ({ db, auth, params, body }) => updateMacro(db, auth, params.id, body));
  api.add(contracts.macros.remove, ({ db, auth, params }) => deleteMacro(db, auth, params.id));
}
