import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('blueprint routes on %s', (kind) => {
  let server: TestServer;
  let world: World;
  const get = (path: string, token = world.tokens.admin) => server.request('GET', `/api/v1${path}`, { token });
  const post = (body: unknown, token = world.tokens.admin) => server.request('POST', '/api/v1/blueprints', { token, body });
  const patch = (id: number, body: unknown, token = world.tokens.admin) => server.request('PATCH', `/api/v1/blueprints/${id}`, { token, body });
  const remove = (id: number, token = world.tokens.admin) => server.request('DELETE', `/api/v1/blueprints/${id}`, { token });
  const escalation = [
    { from: 'open', to: 'escalated' },
    { from: 'escalated', to: 'closed' },
  ];
  const issuePaths = (res: { body: { error: { details: { issues: { path: string }[] } } } }) => res.body.error.details.issues.map((i) => i.path);

  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  describe('GET /blueprints', () => {
    it('lists the blueprints of the departments the agent can view', async () => {
      const res = await get('/blueprints');
      expect(res.status).toBe(200);
      expect(res.body.items).toContainEqual({ ...world.blueprint });
      expect((await get('/blueprints', world.tokens.agent)).body.items).toEqual([]);
      expect((await get(`/blueprints?departmentId=${world.departments.billing.id}`, world.tokens.viewer)).body.items).toHaveLength(1);
    });

    it('R-PERM-5 a department without ticket.view is 403', async () => {
      const res = await get(`/blueprints?departmentId=${world.departments.billing.id}`, world.tokens.agent);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('ticket.view');
    });
  });

  describe('writes', () => {
    it('R-BULK-15 creates, renames, replaces transitions and deletes a blueprint', async () => {
      const created = await post({ departmentId: world.departments.support.id, name: 'Escalation', transitions: escalation });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ departmentId: world.departments.support.id, name: 'Escalation', transitions: escalation });
      const id = created.body.id;
      const renamed = await patch(id, { name: 'Escalation path' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Escalation path', transitions: escalation });
      const rewired = await patch(id, { transitions: [{ from: 'open', to: 'on_hold' }] });
      expect(rewired.body).toMatchObject({ name: 'Escalation path', transitions: [{ from: 'open', to: 'on_hold' }] });
      const listed = await get(`/blueprints?departmentId=${world.departments.support.id}`);
      expect(listed.body.items).toEqual([rewired.body]);
      const deleted = await remove(id);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ id, removed: true });
      expect((await get(`/blueprints?departmentId=${world.departments.support.id}`)).body.items).toEqual([]);
      expect((await remove(id)).status).toBe(404);
    });

    it('R-PERM-5 writes need settings.manage in the department: a lead is refused, so is an agent without a role there', async () => {
      const byLead = await post({ departmentId: world.departments.billing.id, name: 'Lead', transitions: escalation }, world.tokens.lead);
      expect(byLead.status).toBe(403);
      expect(byLead.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: expect.stringContaining('settings.manage in department Billing') });
      const noRole = await post({ departmentId: world.departments.returns.id, name: 'Agent', transitions: escalation }, world.tokens.agent);
      expect(noRole.status).toBe(403);
      expect((await patch(world.blueprint.id, { name: 'Hijacked' }, world.tokens.lead)).status).toBe(403);
      expect((await remove(world.blueprint.id, world.tokens.lead)).status).toBe(403);
      expect((await get(`/blueprints?departmentId=${world.departments.billing.id}`)).body.items[0].name).toBe('Refund approval');
    });

    it('R-BULK-15 a blueprint still applied to a ticket is not deleted (409 with the count)', async () => {
      const res = await remove(world.blueprint.id);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'CONFLICT', details: { ticketCount: 1, trashedCount: 0 } });
      expect(res.body.error.message).toContain('applied to 1 ticket');
      expect(res.body.error.message).toContain('remove blueprint');
      expect((await get(`/blueprints?departmentId=${world.departments.billing.id}`)).body.items).toHaveLength(1);
    });

    it('a name is unique per department, whatever its case (409); another department may reuse it', async () => {
      const duplicate = await post({ departmentId: world.departments.billing.id, name: 'refund APPROVAL', transitions: escalation });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error.message).toContain('Billing');
      const elsewhere = await post({ departmentId: world.departments.returns.id, name: 'Refund approval', transitions: escalation });
      expect(elsewhere.status).toBe(201);
      expect((await patch(elsewhere.body.id, { name: 'Refund approval' })).status).toBe(200);
      const other = await post({ departmentId: world.departments.returns.id, name: 'Other', transitions: escalation });
      expect((await patch(other.body.id, { name: 'REFUND approval' })).status).toBe(409);
    });

    it('validates transitions with field paths (400): at least one, no duplicates, to another status', async () => {
      const base = { departmentId: world.departments.support.id, name: 'Broken' };
      const empty = await post({ ...base, transitions: [] });
      expect(empty.status).toBe(400);
      expect(issuePaths(empty)).toEqual(['body.transitions']);
      const twice = await post({ ...base, transitions: [escalation[0], escalation[0]] });
      expect(twice.status).toBe(400);
      expect(issuePaths(twice)).toEqual(['body.transitions.1']);
      const still = await post({ ...base, transitions: [{ from: 'open', to: 'open' }] });
      expect(issuePaths(still)).toEqual(['body.transitions.0.to']);
      const unknown = await post({ ...base, transitions: [{ from: 'open', to: 'done' }], colour: 'red' });
      expect(issuePaths(unknown)).toEqual(expect.arrayContaining(['body.transitions.0.to']));
      expect(unknown.body.error.message).toMatch(/colour/);
      expect((await patch(world.blueprint.id, {})).status).toBe(400);
      expect((await patch(world.blueprint.id, { departmentId: world.departments.support.id })).status).toBe(400);
    });

    it('an unknown blueprint is 404', async () => {
      expect((await patch(987654, { name: 'x' })).status).toBe(404);
      expect((await remove(987654)).status).toBe(404);
    });
  });
});
