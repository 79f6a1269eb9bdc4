import { MacroCreate, MacroPatch } from '../schemas/admin';
import { DepartmentQuery, IdParams, itemsOf, Removed } from '../schemas/api';
import { Macro } from '../schemas/template';
import { resource } from './contract';

export const macros = resource('macros', 'macros', {
  list: { method: 'get', path: '/macros', summary: 'Macros (named lists of steps) of your departments', query: DepartmentQuery, response: itemsOf(Macro) },
  create: { method: 'post', path: '/macros', summary: 'Create a macro (needs settings.manage)', body: MacroCreate, response: Macro, status: 201 },
  update: { method: 'patch', path: '/macros/:id', summary: 'Rename a macro or replace its steps (needs settings.manage)', params: IdParams, body: MacroPatch, response: Macro },
  remove: { method: 'delete', path: '/macros/:id', summary: 'Delete a macro (needs settings.manage)', params: IdParams, response: Removed },
});
