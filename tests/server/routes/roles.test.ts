import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPermissions } from '../../../core/rules/permissions';
import { memberships } from '../../../server/db/schema';
import { adminSuite } from '../admin-suite';
import { databaseKinds } from '../harness';

describe.each(databaseKinds)('role routes on %s', (kind) => {
  const ctx = adminSuite(kind);
  const { support, billing } = ctx;

  const setPermissions = (roleId: number, departmentId: number, permissions: string[], token?: string) =>
    ctx.api.call('PUT', `/roles/${roleId}/departments/${departmentId}`, { permissions }, token);

  it('R-PERM-5 lists roles only to agents with settings.manage somewhere, naming the permission', async () => {
    for (const token of [ctx.world.tokens.agent, ctx.world.tokens.lead]) {
      const denied = await ctx.api.call('GET', '/roles', undefined, token);
      expect(denied.status).toBe(403);
      expect(denied.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
      expect(denied.body.error.message).toContain('settings.manage');
    }
    const all = await ctx.api.call('GET', '/roles');
    expect(all.status).toBe(200);
    const agentRole = all.body.items.find((r: { name: string }) => r.name === 'Agent');
    expect(agentRole.departments).toHaveLength(3);
    expect(agentRole.departments[0].permissions).toEqual(defaultPermissions('agent'));
  });

  it('R-PERM-1 a department admin sees every role, with permissions in their own department only', async () => {
    const res = await ctx.api.call('GET', '/roles', undefined, ctx.supportAdmin.token);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { name: string }) => r.name)).toEqual(['Admin', 'Agent', 'Lead', 'Viewer']);
    for (const role of res.body.items) expect(role.departments.map((d: { departmentId: number }) => d.departmentId)).toEqual([support()]);
  });

  it('creates a role with a unique name, empty or copied in the departments the creator manages', async () => {
    const empty = await ctx.api.call('POST', '/roles', { name: 'Night shift' });
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ name: 'Night shift', kind: 'custom', departments: [] });
    const taken = await ctx.api.call('POST', '/roles', { name: 'night SHIFT' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CONFLICT');

    const copy = await ctx.api.call('POST', '/roles', { name: 'Support helper', kind: 'agent', copyFromRoleId: await ctx.api.roleId('Agent') }, ctx.supportAdmin.token);
    expect(copy.status).toBe(201);
    const stored = (await ctx.api.call('GET', '/roles')).body.items.find((r: { id: number }) => r.id === copy.body.id);
    // Only Support was copied: the department admin does not reach Billing or Returns.
    expect(stored.departments).toEqual([{ departmentId: support(), permissions: defaultPermissions('agent') }]);
    expect((await ctx.api.call('POST', '/roles', { name: 'x', copyFromRoleId: 999999 })).status).toBe(404);
  });

  it('sets permissions per department, stores them normalised and removes the row when emptied', async () => {
    const roleId = (await ctx.api.call('POST', '/roles', { name: 'Triage' })).body.id;
    const set = await setPermissions(roleId, billing(), ['ticket.edit', 'ticket.view', 'ticket.view']);
    expect(set.status).toBe(200);
    expect(set.body.departments).toEqual([{ departmentId: billing(), permissions: ['ticket.view', 'ticket.edit'] }]);
    const emptied = await setPermissions(roleId, billing(), []);
    expect(emptied.body.departments).toEqual([]);
  });

  it('R-PERM-5 a department admin cannot change permissions in another department', async () => {
    const denied = await setPermissions(await ctx.api.roleId('Agent'), billing(), ['ticket.view'], ctx.supportAdmin.token);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
    expect(denied.body.error.message).toContain('settings.manage in department Billing');
    expect((await setPermissions(await ctx.api.roleId('Agent'), support(), ['ticket.view'], ctx.world.tokens.agent)).status).toBe(403);
  });

  it('R-PERM-4 refuses bulk reply without send_email (422 naming the rule)', async () => {
    const res = await setPermissions(await ctx.api.roleId('Lead'), support(), ['ticket.view', 'ticket.bulk_reply']);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-PERM-4' });
    const lead = (await ctx.api.call('GET', '/roles')).body.items.find((r: { name: string }) => r.name === 'Lead');
    expect(lead.departments.find((d: { departmentId: number }) => d.departmentId === support()).permissions).toEqual(defaultPermissions('lead'));
  });

  it('refuses to change the admin role: it always holds every permission', async () => {
    const res = await setPermissions(await ctx.api.roleId('Admin'), support(), ['ticket.view']);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('admin role');
  });

  it('R-PERM-3 bulk reply granted to the agent role in one department shows in /me there only, and bulk reply passes there', async () => {
    const agentRole = await ctx.api.roleId('Agent');
    const agentId = ctx.world.agents.agent.id;
    expect((await ctx.api.call('PUT', `/agents/${agentId}/departments/${billing()}`, { roleId: agentRole })).status).toBe(200);
    const reply = { operation: 'reply', departmentId: support(), ticketIds: [ctx.world.tickets[0]!.id], payload: { body: 'Hello {{contact.name}}' } };
    const before = await ctx.api.call('POST', '/jobs/preview', reply, ctx.world.tokens.agent);
    expect(before.body.violations[0]).toMatchObject({ message: expect.stringContaining('ticket.bulk_reply') });

    const granted = await setPermissions(agentRole, support(), [...defaultPermissions('agent'), 'ticket.bulk_reply']);
    expect(granted.status).toBe(200);
    const me = (await ctx.api.call('GET', '/me', undefined, ctx.world.tokens.agent)).body;
    const permissionsIn = (id: number) => me.departments.find((d: { departmentId: number }) => d.departmentId === id).permissions;
    expect(permissionsIn(support())).toContain('ticket.bulk_reply');
    expect(permissionsIn(billing())).not.toContain('ticket.bulk_reply');
    const after = await ctx.api.call('POST', '/jobs/preview', reply, ctx.world.tokens.agent);
    expect(after.status).toBe(200);
    expect(after.body.violations).toEqual([]);
    expect(after.body.tickets).toEqual([{ ticketId: ctx.world.tickets[0]!.id, ok: true, reason: null }]);
  });

  it('refuses taking settings.manage from the last role holding it in a department (lock-out guard)', async () => {
    const keeper = (await ctx.api.call('POST', '/roles', { name: 'Keeper' })).body.id;
    const returns = ctx.returns();
    expect((await setPermissions(keeper, returns, ['ticket.view', 'settings.manage'])).status).toBe(200);
    const kim = await ctx.api.agentIn(returns, 'Keeper', 'kim@acme.test');
    // R-PERM-3: Ada, the last admin of Returns, may not leave it through the API...
    const leaving = await ctx.api.call('PUT', `/agents/${ctx.world.agents.admin.id}/departments/${returns}`, { roleId: null });
    expect(leaving.status).toBe(409);
    expect(leaving.body.error.message).toContain('no active admin in department Returns');
    // ...so the test takes her out itself, leaving Kim's role the only one managing it (a department from before that rule).
    await ctx.server.database.db.delete(memberships).where(and(eq(memberships.agentId, ctx.world.agents.admin.id), eq(memberships.departmentId, returns)));
    const locked = await setPermissions(keeper, returns, ['ticket.view'], kim.token);
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toContain('settings.manage in department Returns');
    const still = await ctx.api.call('GET', '/roles', undefined, kim.token);
    expect(still.body.items.find((r: { id: number }) => r.id === keeper).departments[0].permissions).toContain('settings.manage');
    // R-PERM-3: Kim manages Returns but is no admin there, so cannot make Ada its admin again, nor hand out Keeper's settings.manage.
    const asAdmin = await ctx.api.call('PUT', `/agents/${ctx.world.agents.admin.id}/departments/${returns}`, { roleId: await ctx.api.roleId('Admin') }, kim.token);
    expect(asAdmin.status).toBe(403);
    expect(asAdmin.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-3' });
    expect(asAdmin.body.error.message).toContain('ask an admin of Returns');
    expect((await ctx.api.call('PUT', `/agents/${ctx.world.agents.admin.id}/departments/${returns}`, { roleId: keeper }, kim.token)).status).toBe(403);
    // Kim can bring Ada back with a role granting only what Kim holds there.
    const back = await ctx.api.call('PUT', `/agents/${ctx.world.agents.admin.id}/departments/${returns}`, { roleId: await ctx.api.roleId('Viewer') }, kim.token);
    expect(back.status).toBe(200);
    // No admin is left in Returns to make Ada one again, so the test puts her back itself.
    await ctx.server.database.db
      .update(memberships)
      .set({ roleId: await ctx.api.roleId('Admin') })
      .where(and(eq(memberships.agentId, ctx.world.agents.admin.id), eq(memberships.departmentId, returns)));
  });

  it('deletes a role nobody holds; refuses the admin role, a held role, and a role reaching unmanaged departments', async () => {
    expect((await ctx.api.call('DELETE', `/roles/${await ctx.api.roleId('Admin')}`)).status).toBe(409);
    const held = await ctx.api.call('DELETE', `/roles/${await ctx.api.roleId('Viewer')}`);
    expect(held.status).toBe(409);
    expect(held.body.error.details).toEqual({ membershipCount: 1 });
    const wide = await ctx.api.roleId('Lead');
    const denied = await ctx.api.call('DELETE', `/roles/${wide}`, undefined, ctx.supportAdmin.token);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage');
    const spare = (await ctx.api.call('POST', '/roles', { name: 'Spare' }, ctx.supportAdmin.token)).body.id;
    const gone = await ctx.api.call('DELETE', `/roles/${spare}`, undefined, ctx.supportAdmin.token);
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ id: spare, removed: true });
    expect((await ctx.api.call('DELETE', `/roles/${spare}`)).status).toBe(404);
  });

  describe('R-PERM-3/5 a manager who is not an admin hands out only what they hold in the department', () => {
    /** Manages Support through a custom role: view, edit, send_email and settings.manage there. */
    let mo: { id: number; token: string; roleId: number };
    const grantsIn = async (roleId: number, departmentId: number): Promise<string[]> => {
      const role = (await ctx.api.call('GET', '/roles')).body.items.find((r: { id: number }) => r.id === roleId);
      return role.departments.find((d: { departmentId: number }) => d.departmentId === departmentId)?.permissions ?? [];
    };
    const desk = ['ticket.view', 'ticket.edit', 'ticket.send_email', 'settings.manage'];
    beforeAll(async () => {
      mo = await ctx.api.customIn(support(), 'Support desk', desk, 'mo@acme.test');
    });

    it('R-PERM-5 refuses adding a permission they lack there, even to their own role, naming it and whom to ask', async () => {
      const res = await setPermissions(mo.roleId, support(), [...desk, 'ticket.delete'], mo.token);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
      expect(res.body.error.message).toContain('ticket.delete in department Support');
      expect(res.body.error.message).toContain('ask an admin of Support');
      expect(await grantsIn(mo.roleId, support())).toEqual(desk);
    });

    it('R-PERM-3 refuses granting bulk reply or settings.manage: only an admin of the department can', async () => {
      const bulk = await setPermissions(mo.roleId, support(), [...desk, 'ticket.bulk_reply'], mo.token);
      expect(bulk.status).toBe(403);
      expect(bulk.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-3' });
      expect(bulk.body.error.message).toContain('ticket.bulk_reply in department Support, which only an admin of Support can hand out');
      const viewer = await ctx.api.roleId('Viewer');
      const manage = await setPermissions(viewer, support(), ['ticket.view', 'settings.manage'], mo.token);
      expect(manage.status).toBe(403);
      expect(manage.body.error.rule).toBe('R-PERM-3');
      expect(await grantsIn(viewer, support())).toEqual(['ticket.view']);
    });

    it('grants what they hold, and may take away or keep permissions they do not hold', async () => {
      const viewer = await ctx.api.roleId('Viewer');
      expect((await setPermissions(viewer, support(), ['ticket.view', 'ticket.edit'], mo.token)).status).toBe(200);
      const agentRole = await ctx.api.roleId('Agent');
      const kept = (await grantsIn(agentRole, support())).filter((p) => p !== 'ticket.edit');
      // The Agent role keeps ticket.merge (and bulk reply, granted earlier), which Mo does not hold: not added, so allowed.
      const res = await setPermissions(agentRole, support(), kept, mo.token);
      expect(res.status).toBe(200);
      expect(await grantsIn(agentRole, support())).toEqual(kept);
    });

    it('copies a role only where the copy grants nothing beyond what they hold', async () => {
      const lead = await ctx.api.call('POST', '/roles', { name: 'Lead copy', copyFromRoleId: await ctx.api.roleId('Lead') }, mo.token);
      expect(lead.status).toBe(403);
      expect(lead.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
      expect(lead.body.error.message).toContain('Role Lead, which you are copying, grants ticket.merge, ticket.move, ticket.delete, ticket.mass_action in department Support');
      expect((await ctx.api.call('GET', '/roles')).body.items.map((r: { name: string }) => r.name)).not.toContain('Lead copy');
      const copy = await ctx.api.call('POST', '/roles', { name: 'Viewer copy', copyFromRoleId: await ctx.api.roleId('Viewer') }, mo.token);
      expect(copy.status).toBe(201);
      expect(copy.body.departments).toEqual([{ departmentId: support(), permissions: ['ticket.view', 'ticket.edit'] }]);
    });
  });
});
