import { Health, Me } from '../../core/schemas/api';
import type { DbKind } from '../db/client';
import type { Api } from '../http/route';

export function sessionRoutes(api: Api, info: { dbKind: DbKind; version: string }) {
  api.add(
    { method: 'get', path: '/health', tag: 'session', summary: 'Liveness and which database serves the API', public: true, response: Health },
    async ({ db }) => {
      await db.execute('select 1');
      return { ok: true, db: info.dbKind, version: info.version };
    },
  );
  api.add(
    { method: 'get', path: '/me', tag: 'session', summary: 'The agent behind the token: roles and permissions per department', response: Me },
    async ({ auth }) => ({
      agent: auth.agent,
      departments: auth.access.departments.flatMap((d) => {
        const role = auth.roleIn.get(d.departmentId);
        return role ? [{ departmentId: d.departmentId, departmentName: d.departmentName ?? String(d.departmentId), role, permissions: d.permissions }] : [];
      }),
    }),
  );
}
