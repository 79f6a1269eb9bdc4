import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from '../templates/reply-templates';

export function templateRoutes(api: Api) {
  api.add(contracts.templates.list, async ({ db, auth, query }) => ({ items: await listTemplates(db, auth, query.departmentId) }));
  api.add(contracts.templates.create, ({ db, auth, body }) => createTemplate(db, auth, body));
  api.add(contracts.templates.update, ({ db, auth, params, body }) => updateTemplate(db, auth, params.id, body));
  api.add(contracts.templates.remove, ({ db, auth, params }) => deleteTemplate(db, auth, params.id));
}
