import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../../server/db/schema';
import { addCustomerMessage } from '../../../server/tickets/customer-message';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('closedAt on %s', (kind) => {
  let server: TestServer;
  let world: World;
  const patch = (id: number, body: unknown) => server.request('PATCH', `/api/v1/tickets/${id}`, { token: world.tokens.admin, body });
  const get = async (id: number) => (await server.request('GET', `/api/v1/tickets/${id}`, { token: world.tokens.admin })).body;

  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  it('is set when an agent closes a ticket and cleared when it is reopened', async () => {
    const id = world.tickets[0]!.id;
    expect((await get(id)).closedAt).toBeNull();
    const before = Date.now();
    const closed = await patch(id, { version: (await get(id)).version, status: 'closed' });
    expect(closed.status).toBe(200);
    expect(Date.parse(closed.body.closedAt)).toBeGreaterThanOrEqual(before - 1000);
    const edited = await patch(id, { version: closed.body.version, priority: 'high' });
    expect(edited.body.closedAt).toBe(closed.body.closedAt);
    const reopened = await patch(id, { version: edited.body.version, status: 'open' });
    expect(reopened.body.closedAt).toBeNull();
  });

  it('is cleared when a customer reply reopens a closed ticket, whichever path changed the status', async () => {
    const id = world.tickets[2]!.id;
    await server.database.db.update(tickets).set({ status: 'closed' }).where(eq(tickets.id, id));
    expect((await get(id)).closedAt).not.toBeNull();
    await addCustomerMessage(server.database.db, id, { channel: 'email', from: 'alice@example.com', bodyText: 'Still broken' }, { reopenClosed: true });
    const reopened = await get(id);
    expect(reopened.status).toBe('open');
    expect(reopened.closedAt).toBeNull();
  });

  it('keeps a given close time on insert (seeded history) and stamps one when none is given', async () => {
    const at = new Date('2026-11-20T10:00:00Z');
    const rows = await server.database.db
      .insert(tickets)
      .values([
        { departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'Old', status: 'closed', closedAt: at },
        { departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'New', status: 'closed' },
        { departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'Open', closedAt: at },
      ])
      .returning();
    expect(rows[0]!.closedAt!.toISOString()).toBe(at.toISOString());
    expect(rows[1]!.closedAt).not.toBeNull();
    expect(rows[2]!.closedAt).toBeNull();
  });
});
