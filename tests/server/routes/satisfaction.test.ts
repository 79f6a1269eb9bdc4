import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { satisfactionRatings, tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('satisfaction ratings for agents on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
  });
  afterAll(() => server.close());

  const api = (path: string, token = world.tokens.admin) => server.request('GET', `/api/v1${path}`, { token });

  it("R-CC-8 lists the contact's and secondary contacts' ratings, those of tickets merged into it too", async () => {
    const { alice, bob } = world.contacts;
    const support = world.departments.support.id;
    const [primary, mergedAway] = await db
      .insert(tickets)
      .values([
        { departmentId: support, channel: 'email', contactId: alice.id, subject: 'Broken', secondaryContactIds: [bob.id] },
        { departmentId: support, channel: 'web', contactId: alice.id, subject: 'Broken again' },
      ])
      .returning();
    await db.update(tickets).set({ mergedIntoId: primary!.id, trashedAt: new Date() }).where(eq(tickets.id, mergedAway!.id));
    await db.insert(satisfactionRatings).values([
      { ticketId: primary!.id, contactId: bob.id, rating: 'bad', comment: 'Slow', ratedAt: new Date('2026-11-30T10:00:00Z') },
      { ticketId: mergedAway!.id, contactId: alice.id, rating: 'good', comment: '', ratedAt: new Date('2026-11-29T10:00:00Z') },
    ]);
    const res = await api(`/tickets/${primary!.id}/satisfaction`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ticketId: primary!.id,
      ratings: [
        { contactId: alice.id, name: alice.name, email: alice.email, rating: 'good', comment: '', ratedAt: '2026-11-29T10:00:00.000Z' },
        { contactId: bob.id, name: bob.name, email: bob.email, rating: 'bad', comment: 'Slow', ratedAt: '2026-11-30T10:00:00.000Z' },
      ],
    });
  });

  it('needs ticket.view in the ticket’s department', async () => {
    const billingTicket = world.tickets[2]!;
    expect((await api(`/tickets/${billingTicket.id}/satisfaction`, world.tokens.agent)).status).toBe(403);
    expect((await api(`/tickets/${billingTicket.id}/satisfaction`, world.tokens.lead)).body).toEqual({ ticketId: billingTicket.id, ratings: [] });
  });
});
