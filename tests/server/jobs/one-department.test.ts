import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPermissions } from '../../../core/rules/permissions';
import { defaultDepartmentFeatures } from '../../../core/schemas/department';
import * as t from '../../../server/db/schema';
import { hashToken, newToken } from '../../../server/http/auth';
import { createTestServer, databaseKinds, type TestServer } from '../harness';

describe.each(databaseKinds)('a company with one department on %s', (kind) => {
  let server: TestServer;
  const token = newToken();
  let departmentId: number;
  let viewId: number;

  beforeAll(async () => {
    server = await createTestServer(kind, { jobs: 'hold' });
    const db = server.database.db;
    const [department] = await db
      .insert(t.departments)
      .values({ name: 'Everything', supportAddresses: ['help@solo.test'], fromAddresses: ['help@solo.test'], helpCenter: false, features: defaultDepartmentFeatures })
      .returning();
    departmentId = department!.id;
    const [role] = await db.insert(t.roles).values({ name: 'Admin', kind: 'admin' }).returning();
    await db.insert(t.rolePermissions).values({ roleId: role!.id, departmentId, permissions: defaultPermissions('admin') });
    const [agent] = await db.insert(t.agents).values({ email: 'owner@solo.test', name: 'Owner' }).returning();
    await db.insert(t.memberships).values({ agentId: agent!.id, departmentId, roleId: role!.id });
    await db.insert(t.apiTokens).values({ agentId: agent!.id, tokenHash: hashToken(token) });
    const [contact] = await db.insert(t.contacts).values({ email: 'c@customer.example', name: 'C' }).returning();
    await db.execute(
      sql`insert into tickets (department_id, channel, contact_id, subject) select ${departmentId}, 'email', ${contact!.id}, 'T' || g from generate_series(1, 80) g`,
    );
    const [view] = await db.insert(t.views).values({ name: 'All', kind: 'normal', departmentId, filter: {} }).returning();
    viewId = view!.id;
  });
  afterAll(() => server.close());

  it('R-BULK-3 refuses a mass move: there is no other department to move to', async () => {
    const res = await server.request('POST', '/api/v1/jobs', { token, body: { operation: 'move', departmentId, viewId, payload: { departmentId: departmentId + 1 } } });
    expect(res.status).toBe(422);
    expect(res.body.error.rule).toBe('R-BULK-3');
    expect(res.body.error.message).toContain('at least two departments');
  });
});
