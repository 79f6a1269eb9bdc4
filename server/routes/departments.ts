import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import * as contracts from '../../core/contracts';
import { checkPermission, visibleDepartmentIds } from '../../core/rules/permissions';
import { Department } from '../../core/schemas/department';
import { View, type ViewFilter } from '../../core/schemas/view';
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
    contracts.departments.list,
    async ({ db, auth }) => ({ items: await listDepartments(db, visibleDepartmentIds(auth.access)) }),
  );
  api.add(
    contracts.departments.get,
    async ({ db, auth, params }) => {
      const [department] = await db.select().from(departments).where(eq(departments.id, params.id));
      if (!department) throw notFound(`Department ${params.id}`);
      enforce(checkPermission(auth.access, 'ticket.view', department.id));
      return department;
    },
  );
  api.add(
    contracts.departments.create,
    ({ db, auth, body }) => createDepartment(db, auth, body),
  );
  api.add(
    contracts.departments.update,
    ({ db, auth, params, body }) => updateDepartment(db, auth, params.id, body),
  );
  api.add(
    contracts.views.list,
    async ({ db, auth, query }) => {
      const ids = readableDepartments(auth, query.departmentId);
      if (ids.length === 0) return { items: [] };
      const scope = query.departmentId === undefined ? or(inArray(views.departmentId, ids), isNull(views.departmentId)) : inArray(views.departmentId, ids);
      const rows = await db.select().from(views).where(and(scope)).orderBy(asc(views.departmentId), asc(views.name));
      return { items: rows.map((v) => ({ ...v, kind: v.kind as View['kind'], filter: v.filter as ViewFilter })) };
    },
  );
  api.add(
    contracts.views.count,
    async ({ db, auth, params }) => ({ viewId: params.id, total: await countView(db, auth, params.id) }),
  );
}
