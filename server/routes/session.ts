import * as contracts from '../../core/contracts';
import type { DbKind } from '../db/client';
import type { Api } from '../http/route';

export function sessionRoutes(api: Api, info: { dbKind: DbKind; version: string }) {
  api.add(contracts.session.health, async ({ db }) => {
    await db.execute('select 1');
    return { ok: true, db: info.dbKind, version: info.version };
  });
  api.add(contracts.session.me, async ({ auth }) => ({
    agent: auth.agent,
    departments: auth.access.departments.flatMap((d) => {
      const role = auth.roleIn.get(d.departmentId);
      return role ? [{ departmentId: d.departmentId, departmentName: d.departmentName ?? String(d.departmentId), role, permissions: d.permissions }] : [];
    }),
  }));
}
