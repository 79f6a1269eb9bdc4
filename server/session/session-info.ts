import type { Health, Me } from '../../core/schemas/api';
import type { Db, DbKind } from '../db/client';
import type { AuthContext } from '../http/app-env';

export interface ServerInfo {
  dbKind: DbKind;
  version: string;
}

/** Health answers ok only after the database answered, so a load balancer drops an instance that lost it. */
export async function healthOf(db: Db, info: ServerInfo): Promise<Health> {
  await db.execute('select 1');
  return { ok: true, db: info.dbKind, version: info.version };
}

/** The agent and their role per department; departments where they hold no role are left out. */
export function meOf(auth: AuthContext): Me {
  return {
    agent: auth.agent,
    departments: auth.access.departments.flatMap((d) => {
      const role = auth.roleIn.get(d.departmentId);
      return role ? [{ departmentId: d.departmentId, departmentName: d.departmentName ?? String(d.departmentId), role, permissions: d.permissions }] : [];
    }),
  };
}
