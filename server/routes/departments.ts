import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { checkPermission, visibleDepartmentIds } from '../../core/rules/permissions';
import { DepartmentQuery, IdParams } from '../../core/schemas/api';
import { DepartmentCreate, DepartmentPatch } from '../../core/schemas/admin-people';
import { Department } from '../../core/schemas/department';
import { View, ViewCount, type ViewFilter } from '../../core/schemas/view';
import { createDepartment, updateDepartment } from '../admin/department-admin';
import type { Db } from '../db/client';
import { departments, views } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import type { Api } from '../http/route';
import { readableDepartments } from '../http/department-scope';
import { countView } from '../jobs/job-scope';

async function listDepartments(db: Db, ids: number[]): Promise<Department[]> {
  if (ids.length === 0) return [];
  return db.select().from(departments).where(inArray(departments.id, ids)).orderBy(asc(departments.name));
}

export function departmentRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/departments', tag: 'departments', summary: 'Departments where you can view tickets', response: z.object({ items: z.array(Department) }) },
    async ({ db, auth }) => ({ items: await listDepartments(db, visibleDepartmentIds(auth.access)) }),
  );
  api.add(
    { method: 'get', path: '/departments/:id', tag: 'departments', summary: 'One department', params: IdParams, response: Department },
    async ({ db, auth, params }) => {
      const [department] = await db.select().from(departments).where(eq(departments.id, params.id));
      if (!department) throw notFound(`Department ${params.id}`);
      enforce(checkPermission(auth.access, 'ticket.view', department.id));
      return department;
    },
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
    async ({ db, auth, query }) => {
      const ids = readableDepartments(auth, query.departmentId);
      if (ids.length === 0) return { items: [] };
      const scope = query.departmentId === undefined ? or(inArray(views.departmentId, ids), isNull(views.departmentId)) : inArray(views.departmentId, ids);
      const rows = await db.select().from(views).where(and(scope)).orderBy(asc(views.departmentId), asc(views.name));
      return { items: rows.map((v) => ({ ...v, kind: v.kind as View['kind'], filter: v.filter as ViewFilter })) };
    },
  );
  api.add(
    { method: 'get', path: '/views/:id/count', tag: 'views', summary: 'How many live tickets the view matches now: what "select all in this view" takes', params: IdParams, response: ViewCount },
    async ({ db, auth, params }) => ({ viewId: params.id, total: await countView(db, auth, params.id) }),
  );
}
