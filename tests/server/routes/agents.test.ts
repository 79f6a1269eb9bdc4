import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminAgent } from '../../../core/schemas/admin-people';
import { adminSuite } from '../admin-suite';
import { databaseKinds } from '../harness';

describe.each(databaseKinds)('agent routes on %s', (kind) => {
  const ctx = adminSuite(kind);
  const { support, billing, returns } = ctx;

  const setRole = (agentId: number, departmentId: number, roleId: number | null, token?: string) =>
    ctx.api.call('PUT', `/agents/${agentId}/departments/${departmentId}`, { roleId }, token);
  const agentIn = (items: AdminAgent[], id: number) => items.find((a) => a.id === id)!;

  it('R-PERM-5 lists agents only to agents with settings.manage somewhere', async () => {
    const denied = await ctx.api.call('GET', '/agents', undefined, ctx.world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage');
    const all = await ctx.api.call('GET', '/agents');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(6);
    expect(agentIn(all.body.items, ctx.world.agents.admin.id).memberships).toHaveLength(3);
  });

  it('R-PERM-1 a department admin sees every agent, with roles and teams in their department only', async () => {
    await ctx.api.call('PATCH', `/teams/${ctx.world.teams.tier2.id}`, { memberIds: [ctx.world.agents.lead.id] });
    await ctx.api.call('PATCH', `/teams/${ctx.world.teams.refunds.id}`, { memberIds: [ctx.world.agents.lead.id] });
    const lead = agentIn((await ctx.api.call('GET', '/agents')).body.items, ctx.world.agents.lead.id);
    expect(lead.teamIds).toEqual([ctx.world.teams.tier2.id, ctx.world.teams.refunds.id]);
    const scoped = agentIn((await ctx.api.call('GET', '/agents', undefined, ctx.supportAdmin.token)).body.items, ctx.world.agents.lead.id);
    expect(scoped.memberships.map((m) => m.departmentId)).toEqual([support()]);
    expect(scoped.teamIds).toEqual([ctx.world.teams.tier2.id]);
    // The viewer works in Billing only: listed, so they can be added to Support, with nothing else shown.
    expect(agentIn((await ctx.api.call('GET', '/agents', undefined, ctx.supportAdmin.token)).body.items, ctx.world.agents.viewer.id).memberships).toEqual([]);
  });

  it('adds an agent with a unique address', async () => {
    const created = await ctx.api.call('POST', '/agents', { email: 'New.Person@ACME.test', name: 'New Person' }, ctx.supportAdmin.token);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(Number), email: 'new.person@acme.test', name: 'New Person', active: true, memberships: [], teamIds: [] });
    const again = await ctx.api.call('POST', '/agents', { email: 'new.person@acme.test', name: 'Twin' });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual({ agentId: created.body.id });
    expect(again.body.error.message).toBe(
      `Agent ${created.body.id} already has the address new.person@acme.test; give them a role in your department instead of adding them again.`,
    );
    expect((await ctx.api.call('POST', '/agents', { email: 'x@acme.test', name: 'X' }, ctx.world.tokens.lead)).status).toBe(403);
  });

  it('a department admin changes agents of their department only, not one working elsewhere too', async () => {
    const renamed = await ctx.api.call('PATCH', `/agents/${ctx.world.agents.agent.id}`, { name: 'Misaki Sato' }, ctx.supportAdmin.token);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Misaki Sato', memberships: [{ departmentId: support() }] });
    const wider = await ctx.api.call('PATCH', `/agents/${ctx.world.agents.lead.id}`, { name: 'Lee' }, ctx.supportAdmin.token);
    expect(wider.status).toBe(403);
    expect(wider.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
    expect(wider.body.error.message).toContain('settings.manage in department Billing');
  });

  it('a deactivated agent is refused on their next request (401); reactivated, they need a new token: the old ones stay revoked', async () => {
    const kim = await ctx.api.agentIn(ctx.support(), 'Agent', 'kim.deactivated@acme.test');
    expect((await ctx.api.call('GET', '/me', undefined, kim.token)).status).toBe(200);
    const off = await ctx.api.call('PATCH', `/agents/${kim.id}`, { active: false }, ctx.supportAdmin.token);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const refused = await ctx.api.call('GET', '/me', undefined, kim.token);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHORIZED');
    expect((await ctx.api.call('PATCH', `/agents/${kim.id}`, { active: true }, ctx.supportAdmin.token)).status).toBe(200);
    expect((await ctx.api.call('GET', '/me', undefined, kim.token)).status).toBe(401);
    const fresh = (await ctx.api.call('POST', '/tokens', { agentId: kim.id, label: 'after reactivation' }, ctx.supportAdmin.token)).body.token;
    expect((await ctx.api.call('GET', '/me', undefined, fresh)).status).toBe(200);
  });

  it('nobody deactivates themselves', async () => {
    const res = await ctx.api.call('PATCH', `/agents/${ctx.supportAdmin.id}`, { active: false }, ctx.supportAdmin.token);
    expect(res.status).toBe(409);
    expect((await ctx.api.call('GET', '/me', undefined, ctx.supportAdmin.token)).status).toBe(200);
  });

  it('R-PERM-1 sets a role per department with settings.manage there; a department admin cannot reach another', async () => {
    const agentRole = await ctx.api.roleId('Agent');
    const denied = await setRole(ctx.world.agents.viewer.id, billing(), agentRole, ctx.supportAdmin.token);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage in department Billing');
    expect((await setRole(ctx.world.agents.viewer.id, support(), 999999, ctx.supportAdmin.token)).status).toBe(404);
    const added = await setRole(ctx.world.agents.viewer.id, support(), agentRole, ctx.supportAdmin.token);
    expect(added.status).toBe(200);
    expect(added.body.memberships).toEqual([{ departmentId: support(), roleId: agentRole }]);
    const me = (await ctx.api.call('GET', '/me', undefined, ctx.world.tokens.viewer)).body;
    expect(me.departments.map((d: { departmentId: number }) => d.departmentId).sort()).toEqual([support(), billing()].sort());
  });

  it('taking an agent out of a department also takes them out of its teams and unassigns their live tickets there', async () => {
    const lead = ctx.world.agents.lead.id;
    const [inSupport, inBilling] = [ctx.world.tickets[0]!, ctx.world.tickets[2]!];
    for (const t of [inSupport, inBilling]) {
      const current = (await ctx.api.call('GET', `/tickets/${t.id}`)).body;
      expect((await ctx.api.call('PATCH', `/tickets/${t.id}`, { version: current.version, assigneeAgentId: lead })).status).toBe(200);
    }
    const out = await setRole(lead, support(), null);
    expect(out.status).toBe(200);
    expect(out.body.memberships.map((m: { departmentId: number }) => m.departmentId)).toEqual([billing()]);
    expect(out.body.teamIds).toEqual([ctx.world.teams.refunds.id]);
    const me = (await ctx.api.call('GET', '/me', undefined, ctx.world.tokens.lead)).body;
    expect(me.departments.map((d: { departmentId: number }) => d.departmentId)).toEqual([billing()]);
    expect((await ctx.api.call('GET', `/tickets/${inSupport.id}`)).body.assigneeAgentId).toBeNull();
    expect((await ctx.api.call('GET', `/tickets/${inBilling.id}`)).body.assigneeAgentId).toBe(lead);
    const history = (await ctx.api.call('GET', `/tickets/${inSupport.id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'unassigned', changes: { assigneeAgentId: { from: lead, to: null }, reason: 'left_department' } });
  });

  it('refuses a change that leaves a department without an active agent holding settings.manage (lock-out guard)', async () => {
    const demoted = await setRole(ctx.world.agents.admin.id, returns(), await ctx.api.roleId('Agent'));
    expect(demoted.status).toBe(409);
    expect(demoted.body.error.message).toContain('settings.manage in department Returns');
    expect((await setRole(ctx.world.agents.admin.id, returns(), null)).status).toBe(409);
    const me = (await ctx.api.call('GET', '/me')).body;
    expect(me.departments.find((d: { departmentId: number }) => d.departmentId === returns()).role.name).toBe('Admin');
    // Support has a second admin, so Ada may step down there.
    expect((await setRole(ctx.world.agents.admin.id, support(), await ctx.api.roleId('Lead'))).status).toBe(200);
  });

  describe('R-PERM-3/5 a manager who is not an admin gives only roles within what they hold', () => {
    /** Manages Support through a custom role: view, edit, send_email and settings.manage there. */
    let mo: { id: number; token: string; roleId: number };
    let newcomer: number;
    beforeAll(async () => {
      // Ada stepped down in Support above; Dee, an admin there, makes her one again.
      expect((await setRole(ctx.world.agents.admin.id, support(), await ctx.api.roleId('Admin'), ctx.supportAdmin.token)).status).toBe(200);
      mo = await ctx.api.customIn(support(), 'Support desk', ['ticket.view', 'ticket.edit', 'ticket.send_email', 'settings.manage'], 'mo@acme.test');
      newcomer = (await ctx.api.call('POST', '/agents', { email: 'nia@acme.test', name: 'Nia' })).body.id;
    });
    const rolesIn = async (agentId: number) => agentIn((await ctx.api.call('GET', '/agents')).body.items, agentId).memberships;

    it('R-PERM-3 refuses the admin role, to themselves or anyone: only an admin of the department gives it', async () => {
      for (const agentId of [mo.id, newcomer]) {
        const res = await setRole(agentId, support(), await ctx.api.roleId('Admin'), mo.token);
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-3' });
        expect(res.body.error.message).toBe(
          'Role Admin is an admin role in department Support, which only an admin of Support can hand out: ask an admin of Support to give this role.',
        );
      }
      expect(await rolesIn(mo.id)).toEqual([{ departmentId: support(), roleId: mo.roleId }]);
      expect(await rolesIn(newcomer)).toEqual([]);
    });

    it('R-PERM-3/5 refuses a role granting what they do not hold there, or settings.manage (their own role included)', async () => {
      const lead = await setRole(newcomer, support(), await ctx.api.roleId('Lead'), mo.token);
      expect(lead.status).toBe(403);
      expect(lead.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
      expect(lead.body.error.message).toContain('Role Lead grants ticket.merge, ticket.move, ticket.delete, ticket.mass_action in department Support');
      const own = await setRole(newcomer, support(), mo.roleId, mo.token);
      expect(own.status).toBe(403);
      expect(own.body.error.rule).toBe('R-PERM-3');
      expect(own.body.error.message).toContain('settings.manage');
      expect(await rolesIn(newcomer)).toEqual([]);
    });

    it('gives a role within their reach, and an admin still gives any role', async () => {
      const viewer = await ctx.api.roleId('Viewer');
      expect((await setRole(newcomer, support(), viewer, mo.token)).status).toBe(200);
      expect((await setRole(newcomer, support(), await ctx.api.roleId('Admin'))).status).toBe(200);
    });

    it("R-PERM-3/5 cannot take away or change a role they could not have given: an admin's role is an admin's to change", async () => {
      const lead = await ctx.api.roleId('Lead');
      for (const roleId of [null, await ctx.api.roleId('Viewer')]) {
        const res = await setRole(ctx.supportAdmin.id, support(), roleId, mo.token);
        expect(res.status).toBe(403);
        expect(res.body.error.rule).toBe('R-PERM-3');
        expect(res.body.error.message).toBe(
          "Agent dee holds the admin role Admin in department Support, which only an admin of Support can hand out: ask an admin of Support to change dee's role.",
        );
      }
      expect((await setRole(newcomer, support(), lead)).status).toBe(200);
      const demote = await setRole(newcomer, support(), null, mo.token);
      expect(demote.status).toBe(403);
      expect(demote.body.error.message).toContain('Agent Nia holds role Lead, which grants ticket.merge');
      expect(await rolesIn(newcomer)).toEqual([{ departmentId: support(), roleId: lead }]);
      expect(await rolesIn(ctx.supportAdmin.id)).toEqual([{ departmentId: support(), roleId: await ctx.api.roleId('Admin') }]);
    });

    it("R-PERM-3 cannot change an agent holding more than they do there: an admin's name, activity and tokens are an admin's to manage", async () => {
      const res = await ctx.api.call('PATCH', `/agents/${ctx.supportAdmin.id}`, { active: false }, mo.token);
      expect(res.status).toBe(403);
      expect(res.body.error.rule).toBe('R-PERM-3');
      expect(res.body.error.message).toContain('Agent dee holds the admin role Admin in department Support');
      expect((await ctx.api.call('GET', '/me', undefined, ctx.supportAdmin.token)).status).toBe(200);
    });
  });
});
