import * as contracts from '../../core/contracts';
import { createDepartment, updateDepartment } from '../admin/department-admin';
import { createCustomField, deleteCustomField, listCustomFields, updateCustomField } from '../departments/custom-fields';
import { getDepartment, listDepartments } from '../departments/departments';
import type { Api } from '../http/route';
import { countView } from '../jobs/job-scope';
import { createView, deleteView, listViews, updateView } from '../tickets/saved-views';

export function departmentRoutes(api: Api) {
  api.add(contracts.departments.list, async ({ db, auth }) => ({ items: await listDepartments(db, auth) }));
  api.add(contracts.departments.get, ({ db, auth, params }) => getDepartment(db, auth, params.id));
  api.add(contracts.departments.create, ({ db, auth, body }) => createDepartment(db, auth, body));
  api.add(contracts.departments.update, ({ db, auth, params, body }) => updateDepartment(db, auth, params.id, body));
  api.add(contracts.customFieldDefinitions.list, async ({ db, auth, params }) => ({ items: await listCustomFields(db, auth, params.id) }));
  api.add(contracts.customFieldDefinitions.create, ({ db, auth, params, body }) => createCustomField(db, auth, params.id, body));
  api.add(contracts.customFieldDefinitions.update, ({ db, auth, params, body }) => updateCustomField(db, auth, params.id, params.fieldId, body));
  api.add(contracts.customFieldDefinitions.remove, ({ db, auth, params }) => deleteCustomField(db, auth, params.id, params.fieldId));
  api.add(contracts.views.list, async ({ db, auth, query }) => ({ items: await listViews(db, auth, query.departmentId) }));
  api.add(contracts.views.count, async ({ db, auth, params }) => ({ viewId: params.id, total: await countView(db, auth, params.id) }));
  api.add(contracts.views.create, ({ db, auth, body }) => createView(db, auth, body));
  api.add(contracts.views.update, ({ db, auth, params, body }) => updateView(db, auth, params.id, body));
  api.add(contracts.views.remove, ({ db, auth, params }) => deleteView(db, auth, params.id));
}
