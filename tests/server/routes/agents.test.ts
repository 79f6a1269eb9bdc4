import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAgent } from '../../../core/schemas/admin-people';
import { adminApi } from '../admin-api';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('agent routes on %s', (kind) => {
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
  const returns = () => world.departments.returns.id;
  const setRole = (agentId: number, departmentId: number, roleId: number | null, token?: string) =>
    api.call('PUT', `/agents/${agentId}/departments/${departmentId}`, { roleId }, token);
  const agentIn = (items: AdminAgent[], id: number) => items.find((a) => a.id === id)!;

  it('R-PERM-5 lists agents only to agents with settings.manage somewhere', async () => {
    const denied = await api.call('GET', '/agents', undefined, world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage');
    const all = await api.call('GET', '/agents');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(6);
    expect(agentIn(all.body.items, world.agents.admin.id).memberships).toHaveLength(3);
  });

  it("R-PERM-1 a department admin sees every agent, with roles and teams in their department only", async () => {
    await api.call('PATCH', `/teams/${world.teams.tier2.id}`, { memberIds: [world.agents.lead.id] });
    await api.call('PATCH', `/teams/${world.teams.refunds.id}`, { memberIds: [world.agents.lead.id] });
    const lead = agentIn((await api.call('GET', '/agents')).body.items, world.agents.lead.id);
    expect(lead.teamIds).toEqual([world.teams.tier2.id, world.teams.refunds.id]);
    const scoped = agentIn((await api.call('GET', '/agents', undefined, supportAdmin.token)).body.items, world.agents.lead.id);
    expect(scoped.memberships.map((m) => m.departmentId)).toEqual([support()]);
    expect(scoped.teamIds).toEqual([world.teams.tier2.id]);
    // The viewer works in Billing only: listed, so they can be added to Support, with nothing else shown.
    expect(agentIn((await api.call('GET', '/agents', undefined, supportAdmin.token)).body.items, world.agents.viewer.id).memberships).toEqual([]);
  });

  it('adds an agent with a unique address', async () => {
    const created = await api.call('POST', '/agents', { email: 'New.Person@ACME.test', name: 'New Person' }, supportAdmin.token);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(Number), email: 'new.person@acme.test', name: 'New Person', active: true, memberships: [], teamIds: [] });
    const again = await api.call('POST', '/agents', { email: 'new.person@acme.test', name: 'Twin' });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual({ agentId: created.body.id });
    expect(again.body.error.message).toBe(
      `Agent ${created.body.id} already has the address new.person@acme.test; give them a role in your department instead of adding them again.`,
    );
    expect((await api.call('POST', '/agents', { email: 'x@acme.test', name: 'X' }, world.tokens.lead)).status).toBe(403);
  });

  it('a department admin changes agents of their department only, not one working elsewhere too', async () => {
    const renamed = await api.call('PATCH', `/agents/${world.agents.agent.id}`, { name: 'Misaki Sato' }, supportAdmin.token);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Misaki Sato', memberships: [{ departmentId: support() }] });
    const wider = await api.call('PATCH', `/agents/${world.agents.lead.id}`, { name: 'Lee' }, supportAdmin.token);
    expect(wider.status).toBe(403);
    expect(wider.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
    expect(wider.body.error.message).toContain('settings.manage in department Billing');
  });

  it('a deactivated agent is refused on their next request (401), and works again once reactivated', async () => {
    expect((await api.call('GET', '/me', undefined, world.tokens.agent)).status).toBe(200);
    const off = await api.call('PATCH', `/agents/${world.agents.agent.id}`, { active: false }, supportAdmin.token);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const refused = await api.call('GET', '/me', undefined, world.tokens.agent);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHORIZED');
    expect((await api.call('PATCH', `/agents/${world.agents.agent.id}`, { active: true }, supportAdmin.token)).status).toBe(200);
    expect((await api.call('GET', '/me', undefined, world.tokens.agent)).status).toBe(200);
  });

  it('nobody deactivates themselves', async () => {
    const res = await api.call('PATCH', `/agents/${supportAdmin.id}`, { active: false }, supportAdmin.token);
    expect(res.status).toBe(409);
    expect((await api.call('GET', '/me', undefined, supportAdmin.token)).status).toBe(200);
  });

  it('R-PERM-1 sets a role per department with settings.manage there; a department admin cannot reach another', async () => {
    const agentRole = await api.roleId('Agent');
    const denied = await setRole(world.agents.viewer.id, billing(), agentRole, supportAdmin.token);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage in department Billing');
    expect((await setRole(world.agents.viewer.id, support(), 999999, supportAdmin.token)).status).toBe(404);
    const added = await setRole(world.agents.viewer.id, support(), agentRole, supportAdmin.token);
    expect(added.status).toBe(200);
    expect(added.body.memberships).toEqual([{ departmentId: support(), roleId: agentRole }]);
    const me = (await api.call('GET', '/me', undefined, world.tokens.viewer)).body;
    expect(me.departments.map((d: { departmentId: number }) => d.departmentId).sort()).toEqual([support(), billing()].sort());
  });

  it('taking an agent out of a department also takes them out of its teams', async () => {
    const out = await setRole(world.agents.lead.id, support(), null);
    expect(out.status).toBe(200);
    expect(out.body.memberships.map((m: { departmentId: number }) => m.departmentId)).toEqual([billing()]);
    expect(out.body.teamIds).toEqual([world.teams.refunds.id]);
    const me = (await api.call('GET', '/me', undefined, world.tokens.lead)).body;
    expect(me.departments.map((d: { departmentId: number }) => d.departmentId)).toEqual([billing()]);
  });

  it('refuses a change that leaves a department without an active agent holding settings.manage (lock-out guard)', async () => {
    const demoted = await setRole(world.agents.admin.id, returns(), await api.roleId('Agent'));
    expect(demoted.status).toBe(409);
    expect(demoted.body.error.message).toContain('settings.manage in department Returns');
    expect((await setRole(world.agents.admin.id, returns(), null)).status).toBe(409);
    const me = (await api.call('GET', '/me')).body;
    expect(me.departments.find((d: { departmentId: number }) => d.departmentId === returns()).role.name).toBe('Admin');
    // Support has a second admin, so Ada may step down there.
    expect((await setRole(world.agents.admin.id, support(), await api.roleId('Lead'))).status).toBe(200);
  });

  describe('R-PERM-3/5 a manager who is not an admin gives only roles within what they hold', () => {
    /** Manages Support through a custom role: view, edit, send_email and settings.manage there. */
    let mo: { id: number; token: string; roleId: number };
    let newcomer: number;
    beforeAll(async () => {
      // Ada stepped down in Support above; Dee, an admin there, makes her one again.
      expect((await setRole(world.agents.admin.id, support(), await api.roleId('Admin'), supportAdmin.token)).status).toBe(200);
      mo = await api.customIn(support(), 'Support desk', ['ticket.view', 'ticket.edit', 'ticket.send_email', 'settings.manage'], 'mo@acme.test');
      newcomer = (await api.call('POST', '/agents', { email: 'nia@acme.test', name: 'Nia' })).body.id;
    });
    const rolesIn = async (agentId: number) => agentIn((await api.call('GET', '/agents')).body.items, agentId).memberships;

    it('R-PERM-3 refuses the admin role, to themselves or anyone: only an admin of the department gives it', async () => {
      for (const agentId of [mo.id, newcomer]) {
        const res = await setRole(agentId, support(), await api.roleId('Admin'), mo.token);
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
      const lead = await setRole(newcomer, support(), await api.roleId('Lead'), mo.token);
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
      const viewer = await api.roleId('Viewer');
      expect((await setRole(newcomer, support(), viewer, mo.token)).status).toBe(200);
      expect((await setRole(newcomer, support(), await api.roleId('Admin'))).status).toBe(200);
    });

    it("R-PERM-3 cannot change an agent holding more than they do there: an admin's name, activity and tokens are an admin's to manage", async () => {
      const res = await api.call('PATCH', `/agents/${supportAdmin.id}`, { active: false }, mo.token);
      expect(res.status).toBe(403);
      expect(res.body.error.rule).toBe('R-PERM-3');
      expect(res.body.error.message).toContain('Agent dee holds the admin role Admin in department Support');
      expect((await api.call('GET', '/me', undefined, supportAdmin.token)).status).toBe(200);
    });
  });
});
