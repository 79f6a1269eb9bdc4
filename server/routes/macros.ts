import { z } from 'zod';
import { MacroCreate, MacroPatch } from '../../core/schemas/admin';
import { DepartmentQuery, IdParams } from '../../core/schemas/api';
import { Macro } from '../../core/schemas/template';
import { Removed } from '../admin/removed';
import type { Api } from '../http/route';
import { createMacro, deleteMacro, listMacros, updateMacro } from '../templates/macros';

const tag = 'macros';

export function macroRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/macros', tag, summary: 'Macros (named lists of steps) of your departments', query: DepartmentQuery, response: z.object({ items: z.array(Macro) }) },
    async ({ db, auth, query }) => ({ items: await listMacros(db, auth, query.departmentId) }),
  );
  api.add(
    { method: 'post', path: '/macros', tag, summary: 'Create a macro (needs settings.manage)', body: MacroCreate, response: Macro, status: 201 },
    ({ db, auth, body }) => createMacro(db, auth, body),
  );
  api.add(
    { method: 'patch', path: '/macros/:id', tag, summary: 'Rename a macro or replace its steps (needs settings.manage)', params: IdParams, body: MacroPatch, response: Macro },
    ({ db, auth, params, body }) => updateMacro(db, auth, params.id, body),
  );
  api.add(
    { method: 'delete', path: '/macros/:id', tag, summary: 'Delete a macro (needs settings.manage)', params: IdParams, response: Removed },
    ({ db, auth, params }) => deleteMacro(db, auth, params.id),
  );
}
