import { z } from 'zod';
import { DepartmentQuery, IdParams } from '../../core/schemas/api';
import { DepartmentCreate, DepartmentPatch } from '../../core/schemas/admin-people';
import { Department } from '../../core/schemas/department';
import { View, ViewCount } from '../../core/schemas/view';
import { createDepartment, updateDepartment } from '../admin/department-admin';
import { getDepartment, listDepartments } from '../departments/departments';
import type { Api } from '../http/route';
import { countView } from '../jobs/job-scope';
import { listViews } from '../tickets/saved-views';

export function departmentRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/departments', tag: 'departments', summary: 'Departments where you can view tickets', response: z.object({ items: z.array(Department) }) },
    async ({ db, auth }) => ({ items: await listDepartments(db, auth) }),
  );
  api.add(
    { method: 'get', path: '/departments/:id', tag: 'departments', summary: 'One department', params: IdParams, response: Department },
    ({ db, auth, params }) => getDepartment(db, auth, params.id),
  );
  api.add(
    {
      method: 'post',
      path: '/departments',
      tag: 'departments',
      summary: 'Create a department (admin role somewhere): default features and role permissions, and you as its admin',
      body: DepartmentCreate,
      response: Department,
      status: 201,
    },
    ({ db, auth, body }) => createDepartment(db, auth, body),
  );
  api.add(
    {
      method: 'patch',
      path: '/departments/:id',
      tag: 'departments',
      summary: "Rename a department or change its support addresses, which route incoming mail and so belong to one department each (settings.manage)",
      params: IdParams,
      body: DepartmentPatch,
      response: Department,
    },
    ({ db, auth, params, body }) => updateDepartment(db, auth, params.id, body),
  );
  api.add(
    { method: 'get', path: '/views', tag: 'views', summary: 'Saved ticket views, including "all departments"', query: DepartmentQuery, response: z.object({ items: z.array(View) }) },
    async ({ db, auth, query }) => ({ items: await listViews(db, auth, query.departmentId) }),
  );
  api.add(
    { method: 'get', path: '/views/:id/count', tag: 'views', summary: 'How many live tickets the view matches now: what "select all in this view" takes', params: IdParams, response: ViewCount },
    async ({ db, auth, params }) => ({ viewId: params.id, total: await countView(db, auth, params.id) }),
  );
}
