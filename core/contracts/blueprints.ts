import { BlueprintCreate, BlueprintPatch } from '../schemas/admin';
import { DepartmentQuery, IdParams, itemsOf, Removed } from '../schemas/api';
import { Blueprint } from '../schemas/template';
import { resource } from './contract';

export const blueprints = resource('blueprints', 'blueprints', {
  list: {
    method: 'get',
    path: '/blueprints',
    summary: 'Blueprints (allowed status transitions) of your departments',
    query: DepartmentQuery,
    response: itemsOf(Blueprint),
  },
  create: { method: 'post', path: '/blueprints', summary: 'Create a blueprint (needs settings.manage)', body: BlueprintCreate, response: Blueprint, status: 201 },
  update: {
    method: 'patch',
    path: '/blueprints/:id',
    summary: 'Rename a blueprint or replace its transitions (needs settings.manage)',
    params: IdParams,
    body: BlueprintPatch,
    response: Blueprint,
  },
  remove: { method: 'delete', path: '/blueprints/:id', summary: 'Delete a blueprint no ticket uses any more (needs settings.manage)', params: IdParams, response: Removed },
});
