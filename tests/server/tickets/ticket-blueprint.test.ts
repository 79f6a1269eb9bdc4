import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { blueprints, departments, tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** Issue 22 item 6, R-BULK-15: a blueprint applied to one ticket, removed again, and applied to new tickets by the department. */
describe.each(databaseKinds)('blueprints on one ticket on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let n = 0;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
  });
  afterAll(() => server.close());

  const api = (method: string, path: string, body?: unknown, token = world.tokens.lead) =>
    server.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  const history = async (id: number) => (await api('GET', `/tickets/${id}/history`)).body.items as { action: string; changes: Record<string, unknown> }[];

  async function billingTicket(values: Partial<typeof tickets.$inferInsert> = {}) {
    n += 1;
    const [row] = await db
      .insert(tickets)
      .values({ departmentId: world.departments.billing.id, channel: 'email', contactId: world.contacts.alice.id, subject: `Refund ${n}`, ...values })
      .returning();
    return row!;
  }

  it('applies the blueprint, then only its transitions are allowed; removing it frees the ticket, both in the history', async () => {
    const ticket = await billingTicket();
    const applied = await api('PATCH', `/tickets/${ticket.id}`, { version: 1, blueprintId: world.blueprint.id });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ blueprintId: world.blueprint.id, version: 2 });

    const refused = await api('PATCH', `/tickets/${ticket.id}`, { version: 2, status: 'closed' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.rule).toBe('R-BULK-15');
    expect(refused.body.error.message).toContain(`#${ticket.number}`);
    expect(refused.body.error.message).toContain('escalated');
    expect((await api('PATCH', `/tickets/${ticket.id}`, { version: 2, status: 'escalated' })).status).toBe(200);

    const removed = await api('PATCH', `/tickets/${ticket.id}`, { version: 3, blueprintId: null });
    expect(removed.status).toBe(200);
    expect(removed.body.blueprintId).toBeNull();
    expect((await api('PATCH', `/tickets/${ticket.id}`, { version: 4, status: 'on_hold' })).status).toBe(200);

    const entries = await history(ticket.id);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['blueprint_applied', 'blueprint_removed']));
    expect(entries.find((e) => e.action === 'blueprint_applied')!.changes).toMatchObject({
      blueprint: 'Refund approval',
      blueprintId: { from: null, to: world.blueprint.id },
    });
    // Applying alone is its own entry, not an empty "updated" beside it.
    expect(entries.filter((e) => e.action === 'updated' && Object.keys(e.changes).length === 0)).toEqual([]);
  });

  it('removing the blueprint in the same change as a status frees that status change too', async () => {
    const ticket = await billingTicket({ blueprintId: world.blueprint.id });
    const res = await api('PATCH', `/tickets/${ticket.id}`, { version: 1, blueprintId: null, status: 'closed' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', blueprintId: null });
  });

  it('refuses a ticket whose status is not a state of the blueprint, naming the ticket and what to do', async () => {
    const ticket = await billingTicket({ status: 'on_hold' });
    const res = await api('PATCH', `/tickets/${ticket.id}`, { version: 1, blueprintId: world.blueprint.id });
    expect(res.status).toBe(422);
    expect(res.body.error.rule).toBe('R-BULK-15');
    expect(res.body.error.message).toContain(`Ticket #${ticket.number} is on_hold`);
    expect(res.body.error.message).toContain('Change its status to one of those first');
    const [row] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ blueprintId: null, version: 1 });
  });

  it("refuses another department's blueprint, an unknown one, and agents without ticket.edit there", async () => {
    const [supportTicket] = await db
      .insert(tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.bob.id, subject: 'Login' })
      .returning();
    const foreign = await api('PATCH', `/tickets/${supportTicket!.id}`, { version: 1, blueprintId: world.blueprint.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.message).toContain('another department');

    const ticket = await billingTicket();
    expect((await api('PATCH', `/tickets/${ticket.id}`, { version: 1, blueprintId: 999_999 })).status).toBe(404);
    // The viewer holds ticket.view only in Billing, the Support agent nothing there: ticket.edit is missing for both.
    for (const token of [world.tokens.viewer, world.tokens.agent]) {
      expect((await api('PATCH', `/tickets/${ticket.id}`, { version: 1, blueprintId: world.blueprint.id }, token)).status).toBe(403);
    }
    const [row] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row!.blueprintId).toBeNull();
  });

  describe("the department's blueprint for new tickets", () => {
    const billing = () => world.departments.billing.id;
    const setting = (newTicketBlueprintId: number | null, token = world.tokens.admin) => api('PATCH', `/departments/${billing()}`, { newTicketBlueprintId }, token);
    const create = (body: Record<string, unknown> = {}) =>
      api('POST', '/tickets', { departmentId: billing(), channel: 'phone', subject: 'Refund for order 77', contact: { id: world.contacts.bob.id }, ...body });

    it('is set by settings.manage only, to one of its own blueprints that has open as a state', async () => {
      expect((await setting(world.blueprint.id, world.tokens.lead)).status).toBe(403);
      const [noOpen] = await db
        .insert(blueprints)
        .values({ departmentId: billing(), name: 'Escalations', transitions: [{ from: 'escalated', to: 'closed' }] })
        .returning();
      const [supportOne] = await db
        .insert(blueprints)
        .values({ departmentId: world.departments.support.id, name: 'Outage', transitions: [{ from: 'open', to: 'closed' }] })
        .returning();
      const refused = await setting(noOpen!.id);
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toContain('new tickets start open');
      expect((await setting(supportOne!.id)).status).toBe(404);

      const saved = await setting(world.blueprint.id);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.newTicketBlueprintId).toBe(world.blueprint.id);
      const listed = (await api('GET', '/departments')).body.items.find((d: { id: number }) => d.id === billing());
      expect(listed.newTicketBlueprintId).toBe(world.blueprint.id);
    });

    it('applies it to a ticket created through the API, and says so in its history', async () => {
      await setting(world.blueprint.id);
      const res = await create();
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.blueprintId).toBe(world.blueprint.id);
      const created = (await history(res.body.id)).find((e) => e.action === 'created')!;
      expect(created.changes).toMatchObject({ blueprint: { id: world.blueprint.id, name: 'Refund approval' } });
      // It then steers the new ticket like any applied blueprint.
      expect((await api('PATCH', `/tickets/${res.body.id}`, { version: 1, status: 'closed' })).body.error.rule).toBe('R-BULK-15');
    });

    it('creates a ticket whose first status is not a state without it, and records why', async () => {
      await setting(world.blueprint.id);
      const res = await create({ status: 'on_hold' });
      expect(res.status).toBe(201);
      expect(res.body.blueprintId).toBeNull();
      const created = (await history(res.body.id)).find((e) => e.action === 'created')!;
      expect(created.changes).toMatchObject({ blueprintSkipped: { blueprint: 'Refund approval' } });
    });

    it('applies none once set back to null, and other departments never had it', async () => {
      await setting(world.blueprint.id);
      const returns = await api(
        'POST',
        '/tickets',
        { departmentId: world.departments.returns.id, channel: 'phone', subject: 'Broken', contact: { id: world.contacts.bob.id } },
        world.tokens.admin,
      );
      expect(returns.body.blueprintId).toBeNull();
      expect((await setting(null)).body.newTicketBlueprintId).toBeNull();
      expect((await create()).body.blueprintId).toBeNull();
    });

    it('keeps the blueprint from being deleted while the department applies it to new tickets', async () => {
      const [spare] = await db
        .insert(blueprints)
        .values({ departmentId: billing(), name: 'Spare', transitions: [{ from: 'open', to: 'closed' }] })
        .returning();
      await setting(spare!.id);
      const refused = await api('DELETE', `/blueprints/${spare!.id}`, undefined, world.tokens.admin);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain('every new ticket of department Billing');
      await setting(null);
      expect((await api('DELETE', `/blueprints/${spare!.id}`, undefined, world.tokens.admin)).status).toBe(200);
      const [row] = await db.select().from(departments).where(eq(departments.id, billing()));
      expect(row!.newTicketBlueprintId).toBeNull();
    });
  });
});
