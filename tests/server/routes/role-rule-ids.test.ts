import { describe, expect, it } from 'vitest';
import { adminSuite } from '../admin-suite';
import { databaseKinds } from '../harness';

/** Issue 20.6: a refusal carries the rule that applies; handing out what only an admin can is R-PERM-3, not R-PERM-5. */
describe.each(databaseKinds)('rule ids of role edits on %s', (kind) => {
  const ctx = adminSuite(kind);

  it('R-PERM-3 a lead granting bulk reply hears that only an admin can, and also that settings.manage is missing', async () => {
    const agentRole = await ctx.api.roleId('Agent');
    const res = await ctx.api.call(
      'PUT',
      `/roles/${agentRole}/departments/${ctx.support()}`,
      { permissions: ['ticket.view', 'ticket.edit', 'ticket.send_email', 'ticket.merge', 'ticket.bulk_reply'] },
      ctx.world.tokens.lead,
    );
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-3' });
    expect(res.body.error.message).toContain('ticket.bulk_reply in department Support, which only an admin of Support can hand out');
    expect(res.body.error.message).toContain('settings.manage');
    expect(res.body.error.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['R-PERM-3', 'R-PERM-5']);
  });

  it('R-PERM-3 a lead giving someone the admin role; R-PERM-5 for a plain change without settings.manage', async () => {
    const admin = await ctx.api.call('PUT', `/agents/${ctx.world.agents.nobody.id}/departments/${ctx.support()}`, { roleId: await ctx.api.roleId('Admin') }, ctx.world.tokens.lead);
    expect(admin.status).toBe(403);
    expect(admin.body.error.rule).toBe('R-PERM-3');
    const viewer = await ctx.api.call(
      'PUT',
      `/agents/${ctx.world.agents.nobody.id}/departments/${ctx.support()}`,
      { roleId: await ctx.api.roleId('Viewer') },
      ctx.world.tokens.lead,
    );
    expect(viewer.status).toBe(403);
    expect(viewer.body.error).toMatchObject({ rule: 'R-PERM-5', message: expect.stringContaining('settings.manage in department Support') });
    const plain = await ctx.api.call('PUT', `/roles/${await ctx.api.roleId('Viewer')}/departments/${ctx.support()}`, { permissions: ['ticket.view'] }, ctx.world.tokens.lead);
    expect(plain.body.error.rule).toBe('R-PERM-5');
  });

  it('R-PERM-3 the admin role cannot be edited, and the refusal says which rule', async () => {
    const res = await ctx.api.call('PUT', `/roles/${await ctx.api.roleId('Admin')}/departments/${ctx.support()}`, { permissions: ['ticket.view'] });
    expect(res.status).toBe(409);
    expect(res.body.error.rule).toBe('R-PERM-3');
  });
});
