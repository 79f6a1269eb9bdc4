import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(databaseKinds)('trash routes on %s', (kind) => {
  let server: TestServer;
  let world: World;
  const get = (path: string, token = world.tokens.admin) => server.request('GET', `/api/v1${path}`, { token });
  const restore = (id: number, token = world.tokens.lead, headers?: Record<string, string>) =>
    server.request('POST', `/api/v1/trash/${id}/restore`, { token, ...(headers ? { headers } : {}) });

  /** A ticket put straight into the trash at a chosen time, as a delete job would leave it. */
  async function trashed(department: keyof World['departments'], trashedAt: Date, extra: Partial<typeof tickets.$inferInsert> = {}) {
    const [row] = await server.database.db
      .insert(tickets)
      .values({
        departmentId: world.departments[department].id,
        channel: 'email',
        contactId: world.contacts.alice.id,
        subject: 'Deleted',
        trashedAt,
        updatedAt: trashedAt,
        ...extra,
      })
      .returning();
    return row!;
  }

  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  describe('GET /trash', () => {
    it('R-BULK-11 lists trashed tickets newest-trashed first, each purged 60 days after deletion, paging by cursor', async () => {
      const base = Date.now() - DAY_MS;
      const sameTime = new Date(base - 5_000);
      const rows = [
        await trashed('returns', new Date(base - 60_000)),
        await trashed('returns', sameTime),
        await trashed('returns', sameTime),
        await trashed('returns', new Date(base)),
        await trashed('returns', new Date(base - 120_000)),
      ];
      const expected = [rows[3]!, rows[2]!, rows[1]!, rows[0]!, rows[4]!].map((r) => r.id);
      const seen: { ticket: { id: number; trashedAt: string }; purgeAt: string }[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`/trash?departmentId=${world.departments.returns.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.map((i) => i.ticket.id)).toEqual(expected);
      for (const item of seen) expect(Date.parse(item.purgeAt) - Date.parse(item.ticket.trashedAt)).toBe(60 * DAY_MS);
    });

    it('leaves live tickets out', async () => {
      const res = await get('/trash');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((i: { ticket: { trashedAt: string | null } }) => i.ticket.trashedAt !== null)).toBe(true);
      const live = new Set(world.tickets.map((t) => t.id));
      expect(res.body.items.some((i: { ticket: { id: number } }) => live.has(i.ticket.id))).toBe(false);
    });

    it('R-PERM-5 shows only departments where the agent has ticket.view; asking for another is 403', async () => {
      const inSupport = await trashed('support', new Date());
      await trashed('billing', new Date());
      const res = await get('/trash', world.tokens.agent);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { ticket: { id: number } }) => i.ticket.id)).toContain(inSupport.id);
      expect(res.body.items.every((i: { ticket: { departmentId: number } }) => i.ticket.departmentId === world.departments.support.id)).toBe(true);
      const refused = await get(`/trash?departmentId=${world.departments.billing.id}`, world.tokens.agent);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: expect.stringContaining('ticket.view') });
      expect((await get('/trash', world.tokens.nobody)).body).toEqual({ items: [], nextCursor: null });
    });

    it('refuses a bad cursor or limit (400)', async () => {
      expect((await get('/trash?cursor=garbage')).status).toBe(400);
      expect((await get('/trash?limit=0')).status).toBe(400);
    });
  });

  describe('POST /trash/:id/restore', () => {
    it('R-BULK-11 restores a trashed ticket: back in the lists, version bumped, history records who', async () => {
      const row = await trashed('support', new Date(Date.now() - 10 * DAY_MS));
      const res = await restore(row.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: row.id, trashedAt: null, version: row.version + 1 });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(row.updatedAt.getTime());
      const list = await get(`/tickets?departmentId=${world.departments.support.id}`);
      expect(list.body.items.map((t: { id: number }) => t.id)).toContain(row.id);
      const history = (await get(`/tickets/${row.id}/history`)).body.items;
      expect(history.at(-1)).toMatchObject({ action: 'restored', agentId: world.agents.lead.id, changes: { trashedAt: { to: null } } });
    });

    it('R-MERGE-7 a merged ticket comes back as a record and stays merged', async () => {
      const primary = world.tickets[0]!;
      const row = await trashed('support', new Date(), { mergedIntoId: primary.id });
      const res = await restore(row.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ trashedAt: null, mergedIntoId: primary.id });
    });

    it('a repeated Idempotency-Key replays the first answer instead of a conflict', async () => {
      const row = await trashed('support', new Date());
      const headers = { 'Idempotency-Key': `restore-${row.id}-key` };
      const first = await restore(row.id, world.tokens.lead, headers);
      const again = await restore(row.id, world.tokens.lead, headers);
      expect(again.status).toBe(200);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
    });

    it('a ticket that is not in the trash is 409, an unknown one 404', async () => {
      const live = world.tickets[2]!;
      const res = await restore(live.id);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('not in the trash') });
      expect((await restore(987654)).status).toBe(404);
    });

    it('R-PERM-5 restoring needs ticket.delete in the department (403), and changes nothing', async () => {
      const row = await trashed('support', new Date());
      const res = await restore(row.id, world.tokens.agent);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: expect.stringContaining('ticket.delete') });
      expect((await get(`/tickets/${row.id}`)).body.trashedAt).not.toBeNull();
      expect((await restore((await trashed('billing', new Date())).id, world.tokens.agent)).status).toBe(403);
    });
  });
});
