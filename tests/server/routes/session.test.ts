import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('session routes on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  it('GET /health answers without a token and names the database', async () => {
    const res = await server.request('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: kind, version: 'test' });
  });

  it('GET /me lists each department with the role held there and its permissions (R-PERM-2)', async () => {
    const res = await server.request('GET', '/api/v1/me', { token: world.tokens.lead });
    expect(res.status).toBe(200);
    expect(res.body.agent).toMatchObject({ email: 'lead@acme.test', name: 'Lee Lead', active: true });
    expect(res.body.departments.map((d: { departmentName: string }) => d.departmentName)).toEqual(['Billing', 'Support']);
    const support = res.body.departments.find((d: { departmentName: string }) => d.departmentName === 'Support');
    expect(support.role).toMatchObject({ name: 'Lead', kind: 'lead' });
    expect(support.permissions).toContain('ticket.mass_action');
    expect(support.permissions).not.toContain('ticket.bulk_reply');
  });

  it('R-PERM-3 only the admin role has bulk reply by default', async () => {
    const admin = await server.request('GET', '/api/v1/me', { token: world.tokens.admin });
    const agent = await server.request('GET', '/api/v1/me', { token: world.tokens.agent });
    expect(admin.body.departments.every((d: { permissions: string[] }) => d.permissions.includes('ticket.bulk_reply'))).toBe(true);
    expect(agent.body.departments[0].permissions).not.toContain('ticket.bulk_reply');
  });

  it('GET /me for an agent without memberships answers with no departments', async () => {
    const res = await server.request('GET', '/api/v1/me', { token: world.tokens.nobody });
    expect(res.status).toBe(200);
    expect(res.body.departments).toEqual([]);
  });

  it('GET /openapi.json describes every route with its schemas', async () => {
    const res = await server.request('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/tickets',
        '/api/v1/tickets/{id}',
        '/api/v1/contacts',
        '/api/v1/departments',
        '/api/v1/views',
        '/api/v1/templates',
        '/api/v1/directory',
        '/api/v1/me',
        '/api/v1/health',
      ]),
    );
    const patch = res.body.paths['/api/v1/tickets/{id}'].patch;
    expect(patch.requestBody.content['application/json'].schema.properties.version).toBeDefined();
    expect(patch.responses['409']).toBeDefined();
  });
});
