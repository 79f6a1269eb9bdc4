import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, memberships, tickets } from '../../../server/db/schema';
import { heldTransaction, untilBlockedOnLock } from '../lock-wait';
import { adminApi } from '../admin-api';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('team routes on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let api: ReturnType<typeof adminApi>;
  /** Admin of Support only. */
  let supportAdmin: { id: number; token: string };
  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    api = adminApi(server, world);
    supportAdmin = await api.agentIn(world.departments.support.id, 'Admin', 'dee@acme.test');
  });
  afterAll(() => server.close());

  const support = () => world.departments.support.id;
  const billing = () => world.departments.billing.id;
  const names = (items: { name: string }[]) => items.map((t) => t.name);

  it('R-PERM-5 lists the teams of the departments the agent can view', async () => {
    expect(names((await api.call('GET', '/teams')).body.items)).toEqual(['Tier 2', 'Refunds']);
    expect(names((await api.call('GET', '/teams', undefined, world.tokens.agent)).body.items)).toEqual(['Tier 2']);
    const denied = await api.call('GET', `/teams?departmentId=${billing()}`, undefined, world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('ticket.view');
    expect((await api.call('GET', '/teams', undefined, world.tokens.nobody)).body.items).toEqual([]);
  });

  it('R-PERM-5 creating a team needs settings.manage in its department', async () => {
    const body = { departmentId: support(), name: 'Night', memberIds: [] };
    const denied = await api.call('POST', '/teams', body, world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage');
    const elsewhere = await api.call('POST', '/teams', { ...body, departmentId: billing() }, supportAdmin.token);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toContain('department Billing');
  });

  it('creates a team of active members of its department, with a name unique in the department', async () => {
    const created = await api.call('POST', '/teams', { departmentId: support(), name: 'Tier 1', memberIds: [world.agents.agent.id, world.agents.agent.id] }, supportAdmin.token);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(Number), departmentId: support(), name: 'Tier 1', memberIds: [world.agents.agent.id] });
    expect((await api.call('POST', '/teams', { departmentId: support(), name: 'tier 1' })).status).toBe(409);
    // The same name in another department is fine.
    expect((await api.call('POST', '/teams', { departmentId: billing(), name: 'Tier 1' })).status).toBe(201);
  });

  it('refuses members who are not active members of the department (422 listing them)', async () => {
    const outsider = world.agents.viewer.id;
    const res = await api.call('POST', '/teams', { departmentId: support(), name: 'Mixed', memberIds: [world.agents.agent.id, outsider] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', details: { agentIds: [outsider] } });
    expect(res.body.error.message).toBe(
      `A team holds active members of department Support only; agent ${outsider} is not. Give that agent a role in department Support first (or reactivate them), then add them to the team.`,
    );

    expect((await api.call('PATCH', `/agents/${world.agents.lead.id}`, { active: false })).status).toBe(200);
    const inactive = await api.call('PATCH', `/teams/${world.teams.tier2.id}`, { memberIds: [world.agents.lead.id] });
    expect(inactive.status).toBe(422);
    expect(inactive.body.error.details).toEqual({ agentIds: [world.agents.lead.id] });
    expect((await api.call('PATCH', `/agents/${world.agents.lead.id}`, { active: true })).status).toBe(200);
  });

  // Two transactions at once need two connections: PostgreSQL only (PGlite has one, and one process).
  it.runIf(kind === 'postgres')('a member check waits for a concurrent removal from the department, then refuses the removed agent', async () => {
    const db = server.database.db;
    const nia = await api.agentIn(support(), 'Agent', 'nia@acme.test');
    // Someone takes Nia out of Support, holding the department row as PUT /agents/:id/departments/:id does.
    const removal = heldTransaction(
      db,
      (tx) => tx.select({ id: departments.id }).from(departments).where(eq(departments.id, support())).for('no key update'),
      (tx) => tx.delete(memberships).where(and(eq(memberships.agentId, nia.id), eq(memberships.departmentId, support()))),
    );
    await removal.locked;
    const patch = api.call('PATCH', `/teams/${world.teams.tier2.id}`, { memberIds: [nia.id] });
    try {
      await untilBlockedOnLock(db);
    } finally {
      await removal.release();
    }
    const res = await patch;
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({ agentIds: [nia.id] });
  });

  it('renames a team and replaces its members', async () => {
    const team = world.teams.tier2.id;
    const renamed = await api.call('PATCH', `/teams/${team}`, { name: 'Second line' }, supportAdmin.token);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Second line', memberIds: [] });
    const members = await api.call('PATCH', `/teams/${team}`, { memberIds: [world.agents.lead.id, world.agents.agent.id] }, supportAdmin.token);
    expect(members.body.memberIds).toEqual([world.agents.lead.id, world.agents.agent.id].sort((a, b) => a - b));
    expect((await api.call('PATCH', `/teams/${team}`, { name: 'TIER 1' })).status).toBe(409);
    expect((await api.call('PATCH', `/teams/${world.teams.refunds.id}`, { name: 'Mine' }, supportAdmin.token)).status).toBe(403);
  });

  it('deletes a team only once no live ticket is assigned to it (409 with the count)', async () => {
    const db = server.database.db;
    const team = world.teams.tier2.id;
    const [live, trashed] = world.tickets.filter((t) => t.departmentId === support());
    await db.update(tickets).set({ assigneeTeamId: team }).where(eq(tickets.id, live!.id));
    await db.update(tickets).set({ assigneeTeamId: team, trashedAt: new Date() }).where(eq(tickets.id, trashed!.id));
    const refused = await api.call('DELETE', `/teams/${team}`, undefined, supportAdmin.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual({ ticketCount: 1 });
    expect(refused.body.error.message).toContain('Reassign');

    await db.update(tickets).set({ assigneeTeamId: null }).where(eq(tickets.id, live!.id));
    const gone = await api.call('DELETE', `/teams/${team}`, undefined, supportAdmin.token);
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ id: team, removed: true });
    const [inTrash] = await db.select().from(tickets).where(eq(tickets.id, trashed!.id));
    expect(inTrash!.assigneeTeamId).toBeNull();
    expect((await api.call('DELETE', `/teams/${team}`)).status).toBe(404);
  });
});
