import { z } from 'zod';
import { BlueprintCreate, BlueprintPatch } from '../../core/schemas/admin';
import { DepartmentQuery, IdParams } from '../../core/schemas/api';
import { Blueprint } from '../../core/schemas/template';
import { Removed } from '../admin/removed';
import type { Api } from '../http/route';
import { createBlueprint, deleteBlueprint, listBlueprints, updateBlueprint } from '../templates/blueprints';

const tag = 'blueprints';

export function blueprintRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/blueprints', tag, summary: 'Blueprints (allowed status transitions) of your departments', query: DepartmentQuery, response: z.object({ items: z.array(Blueprint) }) },
    async ({ db, auth, query }) => ({ items: await listBlueprints(db, auth, query.departmentId) }),
  );
  api.add(
    { method: 'post', path: '/blueprints', tag, summary: 'Create a blueprint (needs settings.manage)', body: BlueprintCreate, response: Blueprint, status: 201 },
    ({ db, auth, body }) => createBlueprint(db, auth, body),
  );
  api.add(
    { method: 'patch', path: '/blueprints/:id', tag, summary: 'Rename a blueprint or replace its transitions (needs settings.manage)', params: IdParams, body: BlueprintPatch, response: Blueprint },
    ({ db, auth, params, body }) => updateBlueprint(db, auth, params.id, body),
  );
  api.add(
    { method: 'delete', path: '/blueprints/:id', tag, summary: 'Delete a blueprint no ticket uses any more (needs settings.manage)', params: IdParams, response: Removed },
    ({ db, auth, params }) => deleteBlueprint(db, auth, params.id),
  );
}
