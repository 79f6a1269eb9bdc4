import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiTokens } from '../../../server/db/schema';
import { adminSuite } from '../admin-suite';
import { databaseKinds } from '../harness';

type Event = { action: string; actorName: string | null; agentId: number | null; tokenId: number | null; departmentIds: number[]; details: Record<string, unknown> };

/** Issue 21.4: a token follows its agent's reach, and every token or role change is in the audit log. */
describe.each(databaseKinds)('tokens follow the agent and the audit log on %s', (kind) => {
  const ctx = adminSuite(kind);
  const me = (token: string) => ctx.api.call('GET', '/me', undefined, token);
  const audit = async (token?: string) => (await ctx.api.call('GET', '/audit?limit=200', undefined, token)).body.items as Event[];
  const newAgent = async (email: string, token?: string) => (await ctx.api.call('POST', '/agents', { email, name: email.split('@')[0] }, token)).body.id as number;

  it('a token a Support admin minted for an agent in no department stops working once another admin adds them to Billing', async () => {
    const nia = await newAgent('nia@acme.test', ctx.supportAdmin.token);
    const minted = await ctx.api.call('POST', '/tokens', { agentId: nia, label: 'Set up by Dee' }, ctx.supportAdmin.token);
    expect(minted.status).toBe(201);
    expect(minted.body.createdById).toBe(ctx.supportAdmin.id);
    const own = (await ctx.api.call('POST', '/tokens', { agentId: nia, label: 'Nia herself' }, minted.body.token)).body;

    // Ada, an admin of every department, gives Nia a role in Billing, which Dee does not manage.
    expect((await ctx.api.call('PUT', `/agents/${nia}/departments/${ctx.billing()}`, { roleId: await ctx.api.roleId('Agent') })).status).toBe(200);
    const refused = await me(minted.body.token);
    expect(refused.status).toBe(401);
    expect((await me(own.token)).status).toBe(200);
    // Whoever manages Nia now sees the token and why it stopped.
    const listed = (await ctx.api.call('GET', `/tokens?agentId=${nia}`)).body.items;
    expect(listed.find((t: { id: number }) => t.id === minted.body.id).revokedAt).not.toBeNull();
    expect((await ctx.api.call('GET', `/tokens?agentId=${nia}`, undefined, ctx.supportAdmin.token)).status).toBe(403);
    const revoked = (await audit()).find((e) => e.action === 'token.revoked' && e.tokenId === minted.body.id)!;
    expect(revoked).toMatchObject({ actorName: 'Ada Admin', agentId: nia, departmentIds: [ctx.billing()], details: { reason: 'creator_out_of_reach', label: 'Set up by Dee' } });
  });

  it("a role granting more than the token's creator holds revokes the token they minted; an admin's stays", async () => {
    const mo = await ctx.api.customIn(ctx.support(), 'Desk manager', ['ticket.view', 'ticket.edit', 'ticket.send_email', 'settings.manage'], 'mo@acme.test');
    const helper: number = (await ctx.api.call('POST', '/roles', { name: 'Helper' })).body.id;
    expect((await ctx.api.call('PUT', `/roles/${helper}/departments/${ctx.support()}`, { permissions: ['ticket.view'] })).status).toBe(200);
    const hal = await newAgent('hal@acme.test');
    expect((await ctx.api.call('PUT', `/agents/${hal}/departments/${ctx.support()}`, { roleId: helper })).status).toBe(200);
    const byMo = (await ctx.api.call('POST', '/tokens', { agentId: hal, label: 'By Mo' }, mo.token)).body;
    const byAda = (await ctx.api.call('POST', '/tokens', { agentId: hal, label: 'By Ada' })).body;
    expect((await me(byMo.token)).status).toBe(200);

    expect((await ctx.api.call('PUT', `/roles/${helper}/departments/${ctx.support()}`, { permissions: ['ticket.view', 'ticket.delete'] })).status).toBe(200);
    expect((await me(byMo.token)).status).toBe(401);
    expect((await me(byAda.token)).status).toBe(200);
    const changed = (await audit()).find((e) => e.action === 'role.permissions_changed' && e.details.name === 'Helper' && (e.details.after as string[]).includes('ticket.delete'))!;
    expect(changed).toMatchObject({ actorName: 'Ada Admin', departmentIds: [ctx.support()], details: { before: ['ticket.view'], after: ['ticket.view', 'ticket.delete'] } });
  });

  it('deactivating an agent revokes their tokens; reactivating them brings none back', async () => {
    const kit = await ctx.api.agentIn(ctx.support(), 'Agent', 'kit@acme.test');
    expect((await me(kit.token)).status).toBe(200);
    expect((await ctx.api.call('PATCH', `/agents/${kit.id}`, { active: false }, ctx.supportAdmin.token)).status).toBe(200);
    expect((await me(kit.token)).status).toBe(401);
    expect((await ctx.api.call('PATCH', `/agents/${kit.id}`, { active: true }, ctx.supportAdmin.token)).status).toBe(200);
    expect((await me(kit.token)).status).toBe(401);
    const tokens = (await ctx.api.call('GET', `/tokens?agentId=${kit.id}`, undefined, ctx.supportAdmin.token)).body.items;
    expect(tokens.every((t: { revokedAt: string | null }) => t.revokedAt !== null)).toBe(true);
    const events = (await audit(ctx.supportAdmin.token)).filter((e) => e.agentId === kit.id).map((e) => [e.action, e.details.reason ?? null]);
    expect(events.slice(0, 3)).toEqual([
      ['agent.reactivated', null],
      ['agent.deactivated', null],
      ['token.revoked', 'agent_deactivated'],
    ]);
  });

  it('a token with an expiry answers 401 "expired" once it has passed; an expiry in the past is refused', async () => {
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const created = await ctx.api.call('POST', '/tokens', { agentId: ctx.world.agents.agent.id, label: 'One hour', expiresAt: soon }, ctx.world.tokens.agent);
    expect(created.status).toBe(201);
    expect(created.body.expiresAt).toBe(new Date(soon).toISOString());
    expect((await me(created.body.token)).status).toBe(200);
    await ctx.server.database.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, created.body.id));
    const expired = await me(created.body.token);
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('expired') });
    // A revoked token says nothing of its expiry.
    await ctx.api.call('DELETE', `/tokens/${created.body.id}`, undefined, ctx.world.tokens.agent);
    expect((await me(created.body.token)).body.error.message).toContain('unknown or revoked');

    const past = await ctx.api.call('POST', '/tokens', { agentId: ctx.world.agents.agent.id, label: 'x', expiresAt: '2020-01-01T00:00:00Z' }, ctx.world.tokens.agent);
    expect(past.status).toBe(400);
    expect(past.body.error.message).toContain('not in the future');
  });

  it('the audit log: who, when, what; each department admin sees their share; settings.manage needed', async () => {
    const denied = await ctx.api.call('GET', '/audit', undefined, ctx.world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ rule: 'R-PERM-5', message: expect.stringContaining('settings.manage') });

    const created = (await ctx.api.call('POST', '/tokens', { agentId: ctx.world.agents.lead.id, label: 'Lead laptop' })).body;
    const all = await audit();
    const entry = all.find((e) => e.action === 'token.created' && e.tokenId === created.id)!;
    expect(entry).toMatchObject({ actorName: 'Ada Admin', agentId: ctx.world.agents.lead.id, details: { label: 'Lead laptop', expiresAt: null } });
    expect(entry.departmentIds.sort()).toEqual([ctx.support(), ctx.billing()].sort());
    expect(Date.parse((entry as unknown as { at: string }).at)).toBeGreaterThan(Date.now() - 60_000);
    expect(all.some((e) => e.action === 'agent.role_changed')).toBe(true);

    // Dee manages Support only: she sees the lead's token (they work in Support) but not Nia's Billing revocation.
    const dee = await audit(ctx.supportAdmin.token);
    expect(dee.some((e) => e.tokenId === created.id)).toBe(true);
    expect(dee.some((e) => e.details.reason === 'creator_out_of_reach' && e.departmentIds.includes(ctx.billing()) && !e.departmentIds.includes(ctx.support()))).toBe(false);
    expect(all.some((e) => e.details.reason === 'creator_out_of_reach')).toBe(true);

    // Paged newest first.
    const first = (await ctx.api.call('GET', '/audit?limit=2')).body;
    expect(first.items).toHaveLength(2);
    const next = (await ctx.api.call('GET', `/audit?limit=2&before=${first.nextBefore}`)).body;
    expect(next.items[0].id).toBeLessThan(first.items[1].id);
  });
});
