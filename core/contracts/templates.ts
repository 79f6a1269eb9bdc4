import { TemplateCreate, TemplatePatch } from '../schemas/admin';
import { DepartmentQuery, IdParams, itemsOf, Removed } from '../schemas/api';
import { Template } from '../schemas/template';
import { resource } from './contract';

export const templates = resource('templates', 'templates', {
  list: { method: 'get', path: '/templates', summary: 'Reply templates of your departments', query: DepartmentQuery, response: itemsOf(Template) },
  create: {
    method: 'post',
    path: '/templates',
    summary: 'Create a reply template (settings.manage); unknown placeholders are refused (R-REPLY-2)',
    body: TemplateCreate,
    response: Template,
    status: 201,
  },
  update: { method: 'patch', path: '/templates/:id', summary: 'Change a reply template (settings.manage)', params: IdParams, body: TemplatePatch, response: Template },
  remove: {
    method: 'delete',
    path: '/templates/:id',
    summary: 'Delete a reply template no macro and no unfinished bulk reply sends (settings.manage)',
    params: IdParams,
    response: Removed,
  },
});
