import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRASH_DAYS } from '../../../core/schemas/admin';
import type { Db } from '../../../server/db/client';
import { comments, satisfactionRatings, threads, ticketHistory, tickets } from '../../../server/db/schema';
import { visibleTickets } from '../../../server/help-center/ticket-access';
import { purgeTrash } from '../../../server/tickets/trash-purge';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Issue 20 item 5: a merge loses nothing, and the purge 60 days later deletes nothing the primary shows. */
describe.each(databaseKinds)('merge, then the trash purge, on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  const get = async (path: string) => (await server.request('GET', `/api/v1${path}`, { token: world.tokens.admin })).body;
  const post = (path: string, body?: unknown) => server.request('POST', `/api/v1${path}`, { token: world.tokens.admin, body });

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
  });
  afterAll(() => server.close());

  /** Alice's ticket and Bob's, each with a thread, a comment, history and a rating, merged into Alice's. */
  async function mergedPair(label: string) {
    const { alice, bob } = world.contacts;
    const support = world.departments.support.id;
    const [primary, other] = await db
      .insert(tickets)
      .values([
        { departmentId: support, channel: 'email', contactId: alice.id, subject: `${label} primary`, createdAt: new Date('2026-10-01T09:00:00Z') },
        { departmentId: support, channel: 'email', contactId: bob.id, subject: `${label} other`, createdAt: new Date('2026-10-02T09:00:00Z') },
      ])
      .returning();
    for (const [row, who] of [
      [primary!, alice],
      [other!, bob],
    ] as const) {
      await db.insert(threads).values({ ticketId: row.id, direction: 'in', channel: 'email', from: who.email!, bodyText: `${label} mail from ${who.name}` });
      await db.insert(comments).values({ ticketId: row.id, visibility: 'public', body: `${label} note on ${row.subject}`, authorAgentId: world.agents.admin.id });
      await db.insert(ticketHistory).values({ ticketId: row.id, agentId: world.agents.admin.id, action: 'updated', changes: { priority: { from: 'normal', to: 'high' } } });
      await db.insert(satisfactionRatings).values({ ticketId: row.id, contactId: who.id, rating: who === bob ? 'bad' : 'good', comment: `${label} by ${who.name}` });
    }
    const versions = await Promise.all([primary!, other!].map(async (t) => ({ id: t.id, version: (await get(`/tickets/${t.id}`)).version as number })));
    const res = await post('/merge', { tickets: versions, primaryId: primary!.id, fieldChoices: {} });
    expect(res.status).toBe(200);
    return { primary: primary!, other: other! };
  }

  const shown = async (id: number) => ({
    timeline: await get(`/tickets/${id}/timeline`),
    ratings: await get(`/tickets/${id}/satisfaction`),
    history: await get(`/tickets/${id}/history`),
  });
  const bobSees = async () => (await visibleTickets(db, { contactId: world.contacts.bob.id, department: world.departments.support })).map((t) => t.id);

  it("R-MERGE-7 R-BULK-11 the purge 61 days after a merge leaves the primary's timeline, ratings and history as they were", async () => {
    const { primary, other } = await mergedPair('keeps');
    const before = await shown(primary.id);
    expect(before.ratings.ratings.map((r: { comment: string }) => r.comment).sort()).toEqual(['keeps by Alice Customer', 'keeps by Bob Customer']);
    expect(before.history.items.filter((h: { ticketId: number }) => h.ticketId === other.id).map((h: { action: string }) => h.action)).toEqual(['updated', 'merged_into']);
    expect(before.timeline.threads).toHaveLength(2);
    expect(await bobSees()).toContain(primary.id);

    const [trashed] = await db.select().from(tickets).where(eq(tickets.id, other.id));
    await purgeTrash(db, new Date(trashed!.trashedAt!.getTime() + (TRASH_DAYS + 1) * DAY_MS));

    expect(await shown(primary.id)).toEqual(before);
    // R-MERGE-9: Bob followed his ticket to the primary in the help center, and still does.
    expect(await bobSees()).toContain(primary.id);
  });

  it('R-BULK-11 past its 60 days the merged-away ticket leaves the trash list and cannot be restored; the error names the primary', async () => {
    const { primary, other } = await mergedPair('listed');
    await db
      .update(tickets)
      .set({ trashedAt: new Date(Date.now() - (TRASH_DAYS + 1) * DAY_MS) })
      .where(eq(tickets.id, other.id));
    await purgeTrash(db);
    const trash = await get(`/trash?departmentId=${world.departments.support.id}&limit=100`);
    expect(trash.items.map((i: { ticket: { id: number } }) => i.ticket.id)).not.toContain(other.id);
    const restore = await post(`/trash/${other.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.error.message).toContain(`#${primary.number}`);
    expect(restore.body.error.message).toContain(`#${other.number}`);
  });

  it('R-BULK-11 once the primary itself is purged, the tickets merged into it go with it', async () => {
    const { primary, other } = await mergedPair('together');
    const old = new Date(Date.now() - (TRASH_DAYS + 1) * DAY_MS);
    await db.update(tickets).set({ trashedAt: old }).where(eq(tickets.id, other.id));
    expect(await purgeTrash(db)).toBe(0);
    await db.update(tickets).set({ trashedAt: old }).where(eq(tickets.id, primary.id));
    expect(await purgeTrash(db)).toBe(2);
    expect(await db.$count(tickets, eq(tickets.id, other.id))).toBe(0);
    expect(await db.$count(satisfactionRatings, eq(satisfactionRatings.ticketId, other.id))).toBe(0);
  });
});
