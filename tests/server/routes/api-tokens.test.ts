import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiTokens } from '../../../server/db/schema';
import { hashToken } from '../../../server/http/auth';
import { adminSuite } from '../admin-suite';
import { databaseKinds } from '../harness';

describe.each(databaseKinds)('API token routes on %s', (kind) => {
  const ctx = adminSuite(kind);

  const me = (token: string) => ctx.api.call('GET', '/me', undefined, token);

  it('any agent creates a token of their own: shown once, stored as SHA-256, working as a bearer token', async () => {
    const created = await ctx.api.call('POST', '/tokens', { agentId: ctx.world.agents.agent.id, label: ' Laptop ' }, ctx.world.tokens.agent);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ agentId: ctx.world.agents.agent.id, label: 'Laptop', lastUsedAt: null, revokedAt: null, token: expect.stringMatching(/^idk_/) });
    const [stored] = await ctx.server.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.body.id));
    expect(stored!.tokenHash).toBe(hashToken(created.body.token));

    const used = await me(created.body.token);
    expect(used.status).toBe(200);
    expect(used.body.agent.id).toBe(ctx.world.agents.agent.id);
    const listed = (await ctx.api.call('GET', '/tokens', undefined, ctx.world.tokens.agent)).body.items;
    expect(listed.map((t: { id: number }) => t.id)[0]).toBe(created.body.id);
    expect(listed).toHaveLength(2);
    expect(listed[0].token).toBeUndefined();
    expect(listed[0].lastUsedAt).not.toBeNull();
  });

  it('a revoked token answers 401 on its next request; revoking again changes nothing', async () => {
    const { token, id } = (await ctx.api.call('POST', '/tokens', { agentId: ctx.world.agents.agent.id, label: 'Script' }, ctx.world.tokens.agent)).body;
    expect((await me(token)).status).toBe(200);
    const revoked = await ctx.api.call('DELETE', `/tokens/${id}`, undefined, ctx.world.tokens.agent);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await me(token);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHORIZED');
    const again = await ctx.api.call('DELETE', `/tokens/${id}`, undefined, ctx.world.tokens.agent);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(revoked.body);
    expect((await ctx.api.call('DELETE', '/tokens/999999', undefined, ctx.world.tokens.agent)).status).toBe(404);
  });

  it("R-PERM-5 another agent's tokens need settings.manage in every department that agent works in", async () => {
    const denied = await ctx.api.call('GET', `/tokens?agentId=${ctx.world.agents.admin.id}`, undefined, ctx.world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage');

    const minted = await ctx.api.call('POST', '/tokens', { agentId: ctx.world.agents.agent.id, label: 'Set up by Dee' }, ctx.supportAdmin.token);
    expect(minted.status).toBe(201);
    expect((await me(minted.body.token)).body.agent.id).toBe(ctx.world.agents.agent.id);
    expect((await ctx.api.call('DELETE', `/tokens/${minted.body.id}`, undefined, ctx.supportAdmin.token)).status).toBe(200);

    // The lead also works in Billing: a Support admin must not mint a token reaching Billing.
    const wider = await ctx.api.call('POST', '/tokens', { agentId: ctx.world.agents.lead.id, label: 'x' }, ctx.supportAdmin.token);
    expect(wider.status).toBe(403);
    expect(wider.body.error.message).toContain('settings.manage in department Billing');
    expect((await ctx.api.call('GET', `/tokens?agentId=${ctx.world.agents.lead.id}`, undefined, ctx.supportAdmin.token)).status).toBe(403);
    const leadToken = (await ctx.api.call('GET', `/tokens?agentId=${ctx.world.agents.lead.id}`)).body.items[0];
    expect((await ctx.api.call('DELETE', `/tokens/${leadToken.id}`, undefined, ctx.supportAdmin.token)).status).toBe(403);
    expect((await me(ctx.world.tokens.lead)).status).toBe(200);
  });

  it('R-PERM-5 only an admin gives a token to an agent who works in no department yet: they may later get any role', async () => {
    const mo = await ctx.api.customIn(ctx.support(), 'Support desk', ['ticket.view', 'ticket.edit', 'ticket.send_email', 'settings.manage'], 'mo@acme.test');
    const newcomer = (await ctx.api.call('POST', '/agents', { email: 'nia@acme.test', name: 'Nia' }, mo.token)).body.id;
    const refused = await ctx.api.call('POST', '/tokens', { agentId: newcomer, label: 'x' }, mo.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
    expect(refused.body.error.message).toBe(
      'Agent Nia works in no department yet, so a token of theirs would reach whatever department they join later: only an admin can manage them. Give them a role in a department you manage first, or ask an admin.',
    );
    expect((await ctx.api.call('GET', `/tokens?agentId=${newcomer}`, undefined, mo.token)).status).toBe(403);
    // An admin (here of Support only) may; so may the manager once Nia works in Support with a role within their reach.
    expect((await ctx.api.call('POST', '/tokens', { agentId: newcomer, label: 'By Dee' }, ctx.supportAdmin.token)).status).toBe(201);
    expect((await ctx.api.call('PUT', `/agents/${newcomer}/departments/${ctx.support()}`, { roleId: await ctx.api.roleId('Viewer') }, mo.token)).status).toBe(200);
    expect((await ctx.api.call('POST', '/tokens', { agentId: newcomer, label: 'By Mo' }, mo.token)).status).toBe(201);
  });

  it('R-PERM-3/5 a manager who is not an admin mints no token for an agent holding more than they do there', async () => {
    const mo = (await ctx.api.call('GET', '/agents')).body.items.find((a: { email: string }) => a.email === 'mo@acme.test');
    const moToken = (await ctx.api.call('POST', '/tokens', { agentId: mo.id, label: 'Mo' }, ctx.world.tokens.admin)).body.token;
    const admin = await ctx.api.call('POST', '/tokens', { agentId: ctx.supportAdmin.id, label: 'x' }, moToken);
    expect(admin.status).toBe(403);
    expect(admin.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-3' });
    expect(admin.body.error.message).toContain('ask an admin of Support to manage dee');
    const agent = await ctx.api.call('POST', '/tokens', { agentId: ctx.world.agents.agent.id, label: 'x' }, moToken);
    expect(agent.status).toBe(403);
    expect(agent.body.error.rule).toBe('R-PERM-5');
    expect(agent.body.error.message).toContain('role Agent grants ticket.merge in department Support');
  });

  it('a deactivated agent gets no new token', async () => {
    expect((await ctx.api.call('PATCH', `/agents/${ctx.world.agents.nobody.id}`, { active: false })).status).toBe(200);
    const res = await ctx.api.call('POST', '/tokens', { agentId: ctx.world.agents.nobody.id, label: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('deactivated');
  });

  it('refuses an Idempotency-Key, whose stored answer would keep the plain token', async () => {
    const res = await ctx.server.request('POST', '/api/v1/tokens', {
      token: ctx.world.tokens.agent,
      headers: { 'Idempotency-Key': 'create-token-1' },
      body: { agentId: ctx.world.agents.agent.id, label: 'Replayable' },
    });
    expect(res.status).toBe(400);
    const labels = (await ctx.api.call('GET', '/tokens', undefined, ctx.world.tokens.agent)).body.items.map((t: { label: string }) => t.label);
    expect(labels).not.toContain('Replayable');
  });
});
