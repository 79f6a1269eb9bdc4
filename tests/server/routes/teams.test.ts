import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { departments, memberships, tickets } from '../../../server/db/schema';
import { heldTransaction, untilBlockedOnLock } from '../lock-wait';
import { adminSuite } from '../admin-suite';
import { databaseKinds } from '../harness';

describe.each(databaseKinds)('team routes on %s', (kind) => {
  const ctx = adminSuite(kind);
  const { support, billing } = ctx;

  const names = (items: { name: string }[]) => items.map((t) => t.name);

  it('R-PERM-5 lists the teams of the departments the agent can view', async () => {
    expect(names((await ctx.api.call('GET', '/teams')).body.items)).toEqual(['Tier 2', 'Refunds']);
    expect(names((await ctx.api.call('GET', '/teams', undefined, ctx.world.tokens.agent)).body.items)).toEqual(['Tier 2']);
    const denied = await ctx.api.call('GET', `/teams?departmentId=${billing()}`, undefined, ctx.world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('ticket.view');
    expect((await ctx.api.call('GET', '/teams', undefined, ctx.world.tokens.nobody)).body.items).toEqual([]);
  });

  it('R-PERM-5 creating a team needs settings.manage in its department', async () => {
    const body = { departmentId: support(), name: 'Night', memberIds: [] };
    const denied = await ctx.api.call('POST', '/teams', body, ctx.world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage');
    const elsewhere = await ctx.api.call('POST', '/teams', { ...body, departmentId: billing() }, ctx.supportAdmin.token);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toContain('department Billing');
  });

  it('creates a team of active members of its department, with a name unique in the department', async () => {
    const created = await ctx.api.call(
      'POST',
      '/teams',
      { departmentId: support(), name: 'Tier 1', memberIds: [ctx.world.agents.agent.id, ctx.world.agents.agent.id] },
      ctx.supportAdmin.token,
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(Number), departmentId: support(), name: 'Tier 1', memberIds: [ctx.world.agents.agent.id] });
    expect((await ctx.api.call('POST', '/teams', { departmentId: support(), name: 'tier 1' })).status).toBe(409);
    // The same name in another department is fine.
    expect((await ctx.api.call('POST', '/teams', { departmentId: billing(), name: 'Tier 1' })).status).toBe(201);
  });

  it('refuses members who are not active members of the department (422 listing them)', async () => {
    const outsider = ctx.world.agents.viewer.id;
    const res = await ctx.api.call('POST', '/teams', { departmentId: support(), name: 'Mixed', memberIds: [ctx.world.agents.agent.id, outsider] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', details: { agentIds: [outsider] } });
    expect(res.body.error.message).toBe(
      `A team holds active members of department Support only; agent ${outsider} is not. Give that agent a role in department Support first (or reactivate them), then add them to the team.`,
    );

    expect((await ctx.api.call('PATCH', `/agents/${ctx.world.agents.lead.id}`, { active: false })).status).toBe(200);
    const inactive = await ctx.api.call('PATCH', `/teams/${ctx.world.teams.tier2.id}`, { memberIds: [ctx.world.agents.lead.id] });
    expect(inactive.status).toBe(422);
    expect(inactive.body.error.details).toEqual({ agentIds: [ctx.world.agents.lead.id] });
    expect((await ctx.api.call('PATCH', `/agents/${ctx.world.agents.lead.id}`, { active: true })).status).toBe(200);
  });

  // Two transactions at once need two connections: PostgreSQL only (PGlite has one, and one process).
  it.runIf(kind === 'postgres')('a member check waits for a concurrent removal from the department, then refuses the removed agent', async () => {
    const db = ctx.server.database.db;
    const nia = await ctx.api.agentIn(support(), 'Agent', 'nia@acme.test');
    // Someone takes Nia out of Support, holding the department row as PUT /agents/:id/departments/:id does.
    const removal = heldTransaction(
      db,
      (tx) => tx.select({ id: departments.id }).from(departments).where(eq(departments.id, support())).for('no key update'),
      (tx) => tx.delete(memberships).where(and(eq(memberships.agentId, nia.id), eq(memberships.departmentId, support()))),
    );
    await removal.locked;
    const patch = ctx.api.call('PATCH', `/teams/${ctx.world.teams.tier2.id}`, { memberIds: [nia.id] });
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
    const team = ctx.world.teams.tier2.id;
    const renamed = await ctx.api.call('PATCH', `/teams/${team}`, { name: 'Second line' }, ctx.supportAdmin.token);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Second line', memberIds: [] });
    const members = await ctx.api.call('PATCH', `/teams/${team}`, { memberIds: [ctx.world.agents.lead.id, ctx.world.agents.agent.id] }, ctx.supportAdmin.token);
    expect(members.body.memberIds).toEqual([ctx.world.agents.lead.id, ctx.world.agents.agent.id].sort((a, b) => a - b));
    expect((await ctx.api.call('PATCH', `/teams/${team}`, { name: 'TIER 1' })).status).toBe(409);
    expect((await ctx.api.call('PATCH', `/teams/${ctx.world.teams.refunds.id}`, { name: 'Mine' }, ctx.supportAdmin.token)).status).toBe(403);
  });

  it('deletes a team only once no live ticket is assigned to it (409 with the count)', async () => {
    const db = ctx.server.database.db;
    const team = ctx.world.teams.tier2.id;
    const [live, trashed] = ctx.world.tickets.filter((t) => t.departmentId === support());
    await db.update(tickets).set({ assigneeTeamId: team }).where(eq(tickets.id, live!.id));
    await db.update(tickets).set({ assigneeTeamId: team, trashedAt: new Date() }).where(eq(tickets.id, trashed!.id));
    const refused = await ctx.api.call('DELETE', `/teams/${team}`, undefined, ctx.supportAdmin.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual({ ticketCount: 1 });
    expect(refused.body.error.message).toContain('Reassign');

    await db.update(tickets).set({ assigneeTeamId: null }).where(eq(tickets.id, live!.id));
    const gone = await ctx.api.call('DELETE', `/teams/${team}`, undefined, ctx.supportAdmin.token);
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ id: team, removed: true });
    const [inTrash] = await db.select().from(tickets).where(eq(tickets.id, trashed!.id));
    expect(inTrash!.assigneeTeamId).toBeNull();
    expect((await ctx.api.call('DELETE', `/teams/${team}`)).status).toBe(404);
  });
});
