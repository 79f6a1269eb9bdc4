import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../../server/db/schema';
import { hashToken, newToken } from '../../../server/http/auth';
import { createTestServer, databaseKinds, type TestServer } from '../harness';
import { heldTransaction, untilBlockedOnLock } from '../lock-wait';
import { buildWorld, type World } from '../world';

describe.each(databaseKinds)('authentication and department permissions on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let protectedRoutes: { method: string; path: string }[];
  beforeAll(async () => {
    server = await createTestServer(kind);
    world = await buildWorld(server.database.db);
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    protectedRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !op.security)
        .map(([method, _]) => ({ method: method.toUpperCase(), path: path.replace('{id}', '1') })),
    );
  });
  afterAll(() => server.close());

  it('every route but /health refuses a request without a token (401)', async () => {
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(10);
    for (const route of protectedRoutes) {
      const res = await server.request(route.method, route.path, { body: route.method === 'GET' ? undefined : {} });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('every route refuses an unknown token (401) and says how to get one', async () => {
    for (const route of protectedRoutes) {
      const res = await server.request(route.method, route.path, { token: 'idk_not-a-real-token' });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
    const res = await server.request('GET', '/api/v1/me', { token: 'idk_not-a-real-token' });
    expect(res.body.error.message).toMatch(/unknown or revoked/);
  });

  it('a revoked token is refused', async () => {
    const { apiTokens } = await import('../../../server/db/schema');
    const { hashToken } = await import('../../../server/http/auth');
    const { eq } = await import('drizzle-orm');
    const before = await server.request('GET', '/api/v1/me', { token: world.tokens.viewer });
    expect(before.status).toBe(200);
    await server.database.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.tokenHash, hashToken(world.tokens.viewer)));
    const after = await server.request('GET', '/api/v1/me', { token: world.tokens.viewer });
    expect(after.status).toBe(401);
  });

  // Two transactions at once need two connections: PostgreSQL only (PGlite has one, and one process).
  it.runIf(kind === 'postgres')('a token revoked while its request is being let in is refused (401): its use is stamped only while unrevoked', async () => {
    const db = server.database.db;
    const token = newToken();
    const [row] = await db
      .insert(apiTokens)
      .values({ agentId: world.agents.agent.id, tokenHash: hashToken(token) })
      .returning();
    // DELETE /tokens/:id holds the token row while it revokes it.
    const revoking = heldTransaction(
      db,
      (tx) => tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.id, row!.id)).for('update'),
      (tx) => tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, row!.id)),
    );
    await revoking.locked;
    const request = server.request('GET', '/api/v1/me', { token });
    try {
      await untilBlockedOnLock(db);
    } finally {
      await revoking.release();
    }
    const res = await request;
    expect(res.status).toBe(401);
    const [after] = await db.select().from(apiTokens).where(eq(apiTokens.id, row!.id));
    expect(after!.lastUsedAt).toBeNull();
  });

  it("R-PERM-5 a ticket outside the agent's departments is 403 naming the permission and the department", async () => {
    const billingTicket = world.tickets.find((t) => t.departmentId === world.departments.billing.id)!;
    const res = await server.request('GET', `/api/v1/tickets/${billingTicket.id}`, { token: world.tokens.agent });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
    expect(res.body.error.message).toContain('ticket.view');
    expect(res.body.error.message).toContain('Billing');
  });

  it('R-PERM-5 listing another department is 403, and the unfiltered list holds only visible departments', async () => {
    const refused = await server.request('GET', `/api/v1/tickets?departmentId=${world.departments.returns.id}`, { token: world.tokens.lead });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('Returns');
    const list = await server.request('GET', '/api/v1/tickets', { token: world.tokens.lead });
    expect(list.status).toBe(200);
    const departments = new Set(list.body.items.map((t: { departmentId: number }) => t.departmentId));
    expect([...departments].sort()).toEqual([world.departments.support.id, world.departments.billing.id].sort());
  });

  it('R-PERM-5 a view-only role cannot edit (403 naming ticket.edit)', async () => {
    const billingTicket = world.tickets.find((t) => t.departmentId === world.departments.billing.id)!;
    const viewer = await server.request('GET', '/api/v1/me', { token: world.tokens.lead });
    expect(viewer.status).toBe(200);
    const { apiTokens } = await import('../../../server/db/schema');
    const { hashToken, newToken } = await import('../../../server/http/auth');
    const fresh = newToken();
    await server.database.db.insert(apiTokens).values({ agentId: world.agents.viewer.id, tokenHash: hashToken(fresh) });
    const res = await server.request('PATCH', `/api/v1/tickets/${billingTicket.id}`, { token: fresh, body: { version: 1, priority: 'high' } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('ticket.edit');
  });

  it('CORS answers only the configured extension origin', async () => {
    const allowed = await server.app.request('/api/v1/health', { headers: { Origin: 'chrome-extension://testextensionid' } });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://testextensionid');
    const other = await server.app.request('/api/v1/health', { headers: { Origin: 'https://evil.test' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
