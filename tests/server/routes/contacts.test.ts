import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('contact routes on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  it('searches by name or address, case-insensitively, treating % and _ literally', async () => {
    const res = await server.request('GET', '/api/v1/contacts?q=ALICE', { token: world.tokens.agent });
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { email: string }) => c.email)).toEqual(['alice@customer.test']);
    const wildcard = await server.request('GET', '/api/v1/contacts?q=%25', { token: world.tokens.agent });
    expect(wildcard.body.items).toEqual([]);
  });

  it('pages through all contacts with a cursor', async () => {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: number }[]; nextCursor: string | null } } = await server.request('GET', `/api/v1/contacts?limit=7${cursor ? `&cursor=${cursor}` : ''}`, {
        token: world.tokens.admin,
      });
      ids.push(...res.body.items.map((c: { id: number }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(ids.length).toBe(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('creates a contact and refuses a second one with the same address (409 naming it)', async () => {
    const created = await server.request('POST', '/api/v1/contacts', { token: world.tokens.agent, body: { email: 'Carol@Customer.test', name: 'Carol' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'carol@customer.test', name: 'Carol', deleted: false, spam: false, anonymous: false });
    const again = await server.request('POST', '/api/v1/contacts', { token: world.tokens.agent, body: { email: 'carol@customer.test' } });
    expect(again.status).toBe(409);
    expect(again.body.error.details.contactId).toBe(created.body.id);
  });

  it('R-PERM-5 an agent without any department cannot read contacts', async () => {
    const res = await server.request('GET', '/api/v1/contacts', { token: world.tokens.nobody });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('ticket.view');
  });
});

describe.each(databaseKinds)('department, view and template routes on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  it('lists only the departments the agent can view, with their settings', async () => {
    const res = await server.request('GET', '/api/v1/departments', { token: world.tokens.lead });
    expect(res.body.items.map((d: { name: string }) => d.name)).toEqual(['Billing', 'Support']);
    const support = res.body.items.find((d: { name: string }) => d.name === 'Support');
    expect(support).toMatchObject({ helpCenter: true, supportAddresses: ['support@acme.test'], features: { receipts: true, cc: true } });
    expect((await server.request('GET', `/api/v1/departments/${world.departments.returns.id}`, { token: world.tokens.lead })).status).toBe(403);
  });

  it('lists views of visible departments plus the all-departments view', async () => {
    const res = await server.request('GET', '/api/v1/views', { token: world.tokens.agent });
    const names = res.body.items.map((v: { name: string }) => v.name).sort();
    expect(names).toEqual(['All departments', 'Open']);
    const all = res.body.items.find((v: { kind: string }) => v.kind === 'all_departments');
    expect(all.departmentId).toBeNull();
    const billing = await server.request('GET', `/api/v1/views?departmentId=${world.departments.billing.id}`, { token: world.tokens.agent });
    expect(billing.status).toBe(403);
  });

  it('lists templates per department', async () => {
    const res = await server.request('GET', `/api/v1/templates?departmentId=${world.departments.billing.id}`, { token: world.tokens.lead });
    expect(res.body.items.map((t: { name: string }) => t.name)).toEqual(['Refund']);
    const mine = await server.request('GET', '/api/v1/templates', { token: world.tokens.agent });
    expect(mine.body.items.map((t: { name: string }) => t.name)).toEqual(['Outage']);
  });
});

describe.each(databaseKinds)('directory route on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  it('lists colleagues and teams of visible departments only', async () => {
    const res = await server.request('GET', '/api/v1/directory', { token: world.tokens.agent });
    expect(res.status).toBe(200);
    const emails = res.body.agents.map((a: { email: string }) => a.email).sort();
    expect(emails).toEqual(['admin@acme.test', 'agent@acme.test', 'lead@acme.test']);
    const admin = res.body.agents.find((a: { email: string }) => a.email === 'admin@acme.test');
    expect(admin.departmentIds).toEqual([world.departments.support.id]);
    expect(res.body.teams.map((t: { name: string }) => t.name)).toEqual(['Tier 2']);
    expect(res.body.departments.map((d: { name: string }) => d.name)).toEqual(['Support']);
  });
});
