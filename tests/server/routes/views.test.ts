import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, jobs, tickets, views } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('views agents make on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  const create = (body: unknown, token = world.tokens.agent) => server.request('POST', '/api/v1/views', { token, body });
  const list = (token: string, departmentId = world.departments.support.id) => server.request('GET', `/api/v1/views?departmentId=${departmentId}`, { token });
  const names = async (token: string) => (await list(token)).body.items.map((v: { name: string }) => v.name);

  it('an agent keeps their own views: the rest of the team never sees them', async () => {
    const mine = await create({ departmentId: world.departments.support.id, name: 'High, unassigned', filter: { priorities: ['high', 'urgent'], unassigned: true } });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ kind: 'normal', ownerAgentId: world.agents.agent.id, departmentId: world.departments.support.id });
    expect(await names(world.tokens.agent)).toContain('High, unassigned');
    expect(await names(world.tokens.lead)).not.toContain('High, unassigned');
    // Another agent's view answers as if it did not exist: its name is its owner's business.
    const count = await server.request('GET', `/api/v1/views/${mine.body.id}/count`, { token: world.tokens.lead });
    expect(count.status).toBe(404);
    const listed = await server.request('GET', `/api/v1/tickets?viewId=${mine.body.id}`, { token: world.tokens.admin });
    expect(listed.status).toBe(404);
  });

  it('a view shared with the department needs settings.manage there', async () => {
    const refused = await create({ departmentId: world.departments.support.id, name: 'Team queue', filter: {}, shared: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ rule: 'R-PERM-5' });
    expect(refused.body.error.message).toContain('settings.manage');
    const shared = await create({ departmentId: world.departments.support.id, name: 'Team queue', filter: {}, shared: true }, world.tokens.admin);
    expect(shared.status).toBe(201);
    expect(shared.body.ownerAgentId).toBeNull();
    expect(await names(world.tokens.agent)).toContain('Team queue');
    const rename = await server.request('PATCH', `/api/v1/views/${shared.body.id}`, { token: world.tokens.agent, body: { name: 'Mine now' } });
    expect(rename.status).toBe(403);
  });

  it('R-PERM-5: no views in a department the agent cannot see', async () => {
    const res = await create({ departmentId: world.departments.returns.id, name: 'Peek', filter: {} });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('ticket.view');
  });

  it('renames and refilters a view; a taken name is refused, per owner', async () => {
    const a = await create({ departmentId: world.departments.support.id, name: 'Chats', filter: { channels: ['chat'] } });
    const b = await create({ departmentId: world.departments.support.id, name: 'Mail', filter: { channels: ['email'] } });
    const clash = await server.request('PATCH', `/api/v1/views/${b.body.id}`, { token: world.tokens.agent, body: { name: 'chats' } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toContain('"chats"');
    // The same name is free for someone else's own view.
    expect((await create({ departmentId: world.departments.support.id, name: 'Chats', filter: {} }, world.tokens.lead)).status).toBe(201);
    const changed = await server.request('PATCH', `/api/v1/views/${a.body.id}`, {
      token: world.tokens.agent,
      body: { name: 'On hold chats', filter: { channels: ['chat'], statuses: ['on_hold'] } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'On hold chats', filter: { channels: ['chat'], statuses: ['on_hold'] } });
    const counted = await server.request('GET', `/api/v1/views/${a.body.id}/count`, { token: world.tokens.agent });
    expect(counted.body.total).toBe(1);
    const empty = await server.request('PATCH', `/api/v1/views/${a.body.id}`, { token: world.tokens.agent, body: {} });
    expect(empty.status).toBe(400);
  });

  it('standard views are never changed or deleted: R-BULK-4 is defined by them', async () => {
    const res = await server.request('DELETE', `/api/v1/views/${world.views.billingSpam.id}`, { token: world.tokens.admin });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ rule: 'R-BULK-4' });
    const all = await server.request('PATCH', `/api/v1/views/${world.views.all.id}`, { token: world.tokens.admin, body: { name: 'Everything' } });
    expect(all.status).toBe(409);
  });

  it('deletes an own view; one a job ran on stays for the job history', async () => {
    const gone = await create({ departmentId: world.departments.support.id, name: 'Scratch', filter: {} });
    const deleted = await server.request('DELETE', `/api/v1/views/${gone.body.id}`, { token: world.tokens.agent });
    expect(deleted.body).toEqual({ id: gone.body.id, removed: true });
    expect(await names(world.tokens.agent)).not.toContain('Scratch');
    const used = await create({ departmentId: world.departments.support.id, name: 'Used', filter: {} }, world.tokens.admin);
    await server.database.db.insert(jobs).values({
      operation: 'update_field',
      mode: 'bulk',
      payload: { field: 'priority', value: 'high' },
      departmentId: world.departments.support.id,
      viewId: used.body.id,
      initiatorId: world.agents.admin.id,
      status: 'finished',
    });
    const kept = await server.request('DELETE', `/api/v1/views/${used.body.id}`, { token: world.tokens.admin });
    expect(kept.status).toBe(409);
    expect(kept.body.error.message).toContain('rename it instead');
  });

  it('"assigned to me" means whoever looks at the view', async () => {
    const [ticket] = await server.database.db.select().from(tickets).where(eq(tickets.departmentId, world.departments.support.id)).limit(1);
    await server.database.db.update(tickets).set({ assigneeAgentId: world.agents.agent.id }).where(eq(tickets.id, ticket!.id));
    const shared = await create({ departmentId: world.departments.support.id, name: 'Mine', filter: { assigneeMe: true }, shared: true }, world.tokens.admin);
    const count = async (token: string) => (await server.request('GET', `/api/v1/views/${shared.body.id}/count`, { token })).body.total;
    expect(await count(world.tokens.agent)).toBe(1);
    expect(await count(world.tokens.lead)).toBe(0);
  });

  it('R-BULK-4: a view unused for the department period counts as archived; opening it brings it back', async () => {
    const db = server.database.db;
    const stale = await create({ departmentId: world.departments.billing.id, name: 'Old campaign', filter: {} }, world.tokens.admin);
    await db
      .update(views)
      .set({ lastUsedAt: sql`now() - interval '91 days'` })
      .where(eq(views.id, stale.body.id));
    const listed = (await list(world.tokens.admin, world.departments.billing.id)).body.items.find((v: { id: number }) => v.id === stale.body.id);
    expect(listed.kind).toBe('archived');
    const job = (token = world.tokens.admin) =>
      server.request('POST', '/api/v1/jobs/preview', {
        token,
        body: { operation: 'update_field', departmentId: world.departments.billing.id, viewId: stale.body.id, payload: { field: 'priority', value: 'high' } },
      });
    const refused = await job();
    expect(refused.body.error ?? refused.body.violations?.[0]).toMatchObject({ rule: 'R-BULK-4' });
    // A refused job is no use of the view; opening its tickets is.
    expect((await list(world.tokens.admin, world.departments.billing.id)).body.items.find((v: { id: number }) => v.id === stale.body.id).kind).toBe('archived');
    expect((await server.request('GET', `/api/v1/tickets?viewId=${stale.body.id}`, { token: world.tokens.admin })).status).toBe(200);
    const again = (await list(world.tokens.admin, world.departments.billing.id)).body.items.find((v: { id: number }) => v.id === stale.body.id);
    expect(again.kind).toBe('normal');
    // The department may keep views longer.
    await db
      .update(views)
      .set({ lastUsedAt: sql`now() - interval '91 days'` })
      .where(eq(views.id, stale.body.id));
    const patch = await server.request('PATCH', `/api/v1/departments/${world.departments.billing.id}/features`, { token: world.tokens.admin, body: { viewArchiveDays: 365 } });
    expect(patch.status).toBe(200);
    const [dept] = await db.select().from(departments).where(eq(departments.id, world.departments.billing.id));
    expect(dept!.features.viewArchiveDays).toBe(365);
    const kept = (await list(world.tokens.admin, world.departments.billing.id)).body.items.find((v: { id: number }) => v.id === stale.body.id);
    expect(kept.kind).toBe('normal');
  });

  it('a hostile filter is refused at the boundary with the field named', async () => {
    const huge = await create({ departmentId: world.departments.support.id, name: 'Huge', filter: { tags: Array.from({ length: 1001 }, (_, i) => `t${i}`) } });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toContain('body.filter.tags');
    const backwards = await create({
      departmentId: world.departments.support.id,
      name: 'Backwards',
      filter: { createdAt: { from: '2026-12-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain('swap');
    const unknown = await create({ departmentId: world.departments.support.id, name: 'Raw', filter: { where: '1=1' } });
    expect(unknown.status).toBe(400);
  });
});
