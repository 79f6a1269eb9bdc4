import { z } from 'zod';
import { TemplateCreate, TemplatePatch } from '../../core/schemas/admin';
import { DepartmentQuery, IdParams } from '../../core/schemas/api';
import { Template } from '../../core/schemas/template';
import { Removed } from '../admin/removed';
import type { Api } from '../http/route';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from '../templates/reply-templates';

const tag = 'templates';

export function templateRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/templates', tag, summary: 'Reply templates of your departments', query: DepartmentQuery, response: z.object({ items: z.array(Template) }) },
    async ({ db, auth, query }) => ({ items: await listTemplates(db, auth, query.departmentId) }),
  );
  api.add(
    { method: 'post', path: '/templates', tag, summary: 'Create a reply template (settings.manage); unknown placeholders are refused (R-REPLY-2)', body: TemplateCreate, response: Template, status: 201 },
    ({ db, auth, body }) => createTemplate(db, auth, body),
  );
  api.add(
    { method: 'patch', path: '/templates/:id', tag, summary: 'Change a reply template (settings.manage)', params: IdParams, body: TemplatePatch, response: Template },
    ({ db, auth, params, body }) => updateTemplate(db, auth, params.id, body),
  );
  api.add(
    { method: 'delete', path: '/templates/:id', tag, summary: 'Delete a reply template no macro and no unfinished bulk reply sends (settings.manage)', params: IdParams, response: Removed },
    ({ db, auth, params }) => deleteTemplate(db, auth, params.id),
  );
}
