import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('Idempotency-Key on mutations on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  const ticketCount = async () => (await server.database.db.select({ n: count() }).from(tickets).where(eq(tickets.departmentId, world.departments.returns.id)))[0]!.n;
  const create = (key: string, subject = 'Parcel lost') =>
    server.request('POST', '/api/v1/tickets', {
      token: world.tokens.admin,
      headers: { 'Idempotency-Key': key },
      body: { departmentId: world.departments.returns.id, channel: 'phone', subject, contact: { id: world.contacts.bob.id } },
    });

  it('a repeated POST replays the first answer and creates nothing twice', async () => {
    const before = await ticketCount();
    const first = await create('create-ticket-0001');
    const second = await create('create-ticket-0001');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    expect(await ticketCount()).toBe(before + 1);
  });

  it('concurrent copies of one request still create one ticket', async () => {
    const before = await ticketCount();
    const answers = await Promise.all(Array.from({ length: 5 }, () => create('create-ticket-race')));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(await ticketCount()).toBe(before + 1);
  });

  it('the same key with a different body is 409 and does nothing', async () => {
    await create('create-ticket-0002', 'first');
    const before = await ticketCount();
    const other = await create('create-ticket-0002', 'second');
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/different request/);
    expect(await ticketCount()).toBe(before);
  });

  it("keys belong to one agent: another agent's identical request with the same key is a new request", async () => {
    const body = { departmentId: world.departments.support.id, channel: 'phone', subject: 'Same words', contact: { id: world.contacts.bob.id } };
    const headers = { 'Idempotency-Key': 'shared-key-0003' };
    const byAdmin = await server.request('POST', '/api/v1/tickets', { token: world.tokens.admin, headers, body });
    const byLead = await server.request('POST', '/api/v1/tickets', { token: world.tokens.lead, headers, body });
    expect(byAdmin.status).toBe(201);
    expect(byLead.status).toBe(201);
    expect(byLead.headers.get('Idempotent-Replayed')).toBeNull();
    expect(byLead.body.id).not.toBe(byAdmin.body.id);
  });

  it('a PATCH replay does not apply twice (the version would have conflicted)', async () => {
    const t = world.tickets.find((x) => x.departmentId === world.departments.returns.id)!;
    const current = (await server.request('GET', `/api/v1/tickets/${t.id}`, { token: world.tokens.admin })).body;
    const send = () =>
      server.request('PATCH', `/api/v1/tickets/${t.id}`, {
        token: world.tokens.admin,
        headers: { 'Idempotency-Key': 'patch-ticket-0001' },
        body: { version: current.version, priority: 'urgent' },
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(current.version + 1);
  });

  it('a refused request stores nothing, so the same key can be retried after fixing the cause', async () => {
    const refused = await server.request('POST', '/api/v1/tickets', {
      token: world.tokens.admin,
      headers: { 'Idempotency-Key': 'retry-after-fix-01' },
      body: { departmentId: world.departments.returns.id, channel: 'phone', subject: 'x', contact: { id: 999999 } },
    });
    expect(refused.status).toBe(404);
    const fixed = await server.request('POST', '/api/v1/tickets', {
      token: world.tokens.admin,
      headers: { 'Idempotency-Key': 'retry-after-fix-01' },
      body: { departmentId: world.departments.returns.id, channel: 'phone', subject: 'x', contact: { id: world.contacts.bob.id } },
    });
    expect(fixed.status).toBe(201);
  });

  it('a malformed key is a validation error', async () => {
    const res = await create('bad key!');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Idempotency-Key/);
  });
});
