import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, defaultPermissions } from '../../../core/rules/permissions';
import { defaultDepartmentFeatures } from '../../../core/schemas/department';
import { adminSuite } from '../admin-suite';
import { databaseKinds } from '../harness';

describe.each(databaseKinds)('department admin routes on %s', (kind) => {
  const ctx = adminSuite(kind);

  const create = (body: unknown, token = ctx.supportAdmin.token) => ctx.api.call('POST', '/departments', body, token);
  const patch = (id: number, body: unknown, token = ctx.supportAdmin.token) => ctx.api.call('PATCH', `/departments/${id}`, body, token);

  it('R-PERM-5 only a holder of an admin role creates a department', async () => {
    const denied = await create({ name: 'Sales', fromAddresses: ['sales@acme.test'] }, ctx.world.tokens.lead);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
    expect(denied.body.error.message).toContain('admin role');
  });

  it('creates a department with default features and role permissions, its creator as its admin', async () => {
    const created = await create({ name: 'Sales', supportAddresses: ['sales@acme.test', 'SALES@acme.test'], fromAddresses: ['sales@acme.test'] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: 'Sales',
      supportAddresses: ['sales@acme.test'],
      fromAddresses: ['sales@acme.test'],
      helpCenter: false,
      features: defaultDepartmentFeatures,
      newTicketBlueprintId: null,
    });
    const sales = created.body.id;
    const me = (await ctx.api.call('GET', '/me', undefined, ctx.supportAdmin.token)).body;
    expect(me.departments.find((d: { departmentId: number }) => d.departmentId === sales)).toMatchObject({ role: { kind: 'admin' }, permissions: [...ALL_PERMISSIONS] });

    const roles: { name: string; departments: { departmentId: number; permissions: string[] }[] }[] = (await ctx.api.call('GET', '/roles', undefined, ctx.supportAdmin.token)).body
      .items;
    const inSales = (name: string) => roles.find((r) => r.name === name)!.departments.find((d) => d.departmentId === sales)?.permissions;
    expect(inSales('Agent')).toEqual(defaultPermissions('agent'));
    expect(inSales('Lead')).toEqual(defaultPermissions('lead'));
    expect(inSales('Viewer')).toBeUndefined();
    // Its tickets can be listed and mass-actioned at once: it starts with the standard views.
    const views: { name: string; kind: string }[] = (await ctx.api.call('GET', `/views?departmentId=${sales}`, undefined, ctx.supportAdmin.token)).body.items;
    expect(views.map((v) => v.kind).sort()).toEqual(['archived', 'normal', 'normal', 'shared', 'shared_open', 'spam']);
    expect(views.map((v) => v.name)).toContain('Open tickets');
    // Managed at once.
    expect((await patch(sales, { name: 'Sales & Partners' })).status).toBe(200);
  });

  it('refuses a taken name and a support address another department routes mail by (409 naming it)', async () => {
    const taken = await create({ name: 'billing', fromAddresses: ['x@acme.test'] });
    expect(taken.status).toBe(409);
    const claimed = await create({ name: 'Refunds desk', supportAddresses: ['Billing@Acme.test'], fromAddresses: ['refunds@acme.test'] });
    expect(claimed.status).toBe(409);
    expect(claimed.body.error.message).toContain('department Billing');
    expect(claimed.body.error.details).toEqual({ address: 'Billing@Acme.test', departmentId: ctx.billing() });
  });

  it('R-PERM-5 changing a department needs settings.manage there', async () => {
    const denied = await patch(ctx.billing(), { name: 'Money' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage in department Billing');
    expect((await patch(ctx.support(), { name: 'Help' }, ctx.world.tokens.agent)).status).toBe(403);
  });

  it('renames a department and changes its support addresses, each unique', async () => {
    const support = ctx.support();
    expect((await patch(support, { name: 'RETURNS' })).status).toBe(409);
    const claimed = await patch(support, { supportAddresses: ['help@acme.test', 'returns@acme.test'] });
    expect(claimed.status).toBe(409);
    expect(claimed.body.error.message).toContain('department Returns');
    const changed = await patch(support, { name: 'Customer Support', supportAddresses: ['help@acme.test', 'support@acme.test'] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: support, name: 'Customer Support', supportAddresses: ['help@acme.test', 'support@acme.test'], fromAddresses: ['noreply@acme.test'] });
    // Keeping its own address is no conflict.
    expect((await patch(support, { supportAddresses: ['support@acme.test'] })).status).toBe(200);
  });
});
