import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { comments, contacts, threads, ticketHistory, tickets, ticketWebmailThreads } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import type { TicketRow } from '../../../server/db/rows';

const MINUTE = 60_000;

describe.each(databaseKinds)('merge routes on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let clock = Date.parse('2026-10-01T09:00:00Z');
  const at = (minutes: number) => new Date(clock + minutes * MINUTE);
  const post = (path: string, body: unknown, token = world.tokens.admin, headers?: Record<string, string>) =>
    server.request('POST', `/api/v1${path}`, { token, body, ...(headers ? { headers } : {}) });
  const get = (path: string, token = world.tokens.admin) => server.request('GET', `/api/v1${path}`, { token });
  const preview = (ticketIds: number[], extra: Record<string, unknown> = {}, token = world.tokens.admin) => post('/merge/preview', { ticketIds, ...extra }, token);
  const versionsOf = async (ids: number[]) => Promise.all(ids.map(async (id) => ({ id, version: (await get(`/tickets/${id}`)).body.version as number })));
  const merge = async (ids: number[], primaryId: number, fieldChoices: Record<string, number> = {}, token = world.tokens.admin) =>
    post('/merge', { tickets: await versionsOf(ids), primaryId, fieldChoices }, token);

  /** A ticket created `minutes` after this test's clock, in Support unless said otherwise. */
  async function ticket(minutes: number, extra: Partial<typeof tickets.$inferInsert> = {}): Promise<TicketRow> {
    const [row] = await server.database.db
      .insert(tickets)
      .values({
        departmentId: world.departments.support.id,
        channel: 'email',
        contactId: world.contacts.alice.id,
        subject: `Ticket at +${minutes}`,
        createdAt: at(minutes),
        ...extra,
      })
      .returning();
    return row!;
  }
  const thread = (ticketId: number, minutes: number, bodyText: string, channel = 'email') =>
    server.database.db.insert(threads).values({ ticketId, direction: 'in', channel, from: 'alice@customer.test', subject: bodyText, bodyText, createdAt: at(minutes) });
  const comment = (ticketId: number, minutes: number, body: string, visibility = 'private') =>
    server.database.db.insert(comments).values({ ticketId, visibility, body, authorAgentId: world.agents.admin.id, createdAt: at(minutes) });

  beforeAll(async () => ({ server, world } = await startWorld(kind, { jobs: 'hold' })));
  afterAll(() => server.close());

  describe('POST /merge/preview', () => {
    it('R-MERGE-3 R-MERGE-4 R-MERGE-6 defaults to the oldest as primary, fills its empty fields from the others, and interleaves the timeline', async () => {
      const newer = await ticket(30, { channel: 'chat', product: 'Router X', priority: 'high', tags: ['vip'] });
      const oldest = await ticket(0, { product: null, priority: 'low', account: 'Customer Inc' });
      const middle = await ticket(10, { channel: 'web', product: 'Router Y', customFields: { order: 'A-1' } });
      await thread(oldest.id, 1, 'first mail');
      await thread(newer.id, 31, 'chat transcript');
      await comment(middle.id, 11, 'note on the web form');
      await thread(middle.id, 12, 'web form message');
      await comment(oldest.id, 40, 'latest note');

      const res = await preview([newer.id, oldest.id, middle.id]);
      expect(res.status).toBe(200);
      expect(res.body.violations).toEqual([]);
      expect(res.body.tickets.map((t: TicketRow) => t.id)).toEqual([oldest.id, middle.id, newer.id]);
      expect(res.body).toMatchObject({ defaultPrimaryId: oldest.id, primaryId: oldest.id });
      const field = (name: string) => res.body.fields.find((f: { field: string }) => f.field === name);
      // The most useful value is the default: the highest priority, the newest non-empty text; tags fill the primary's empty ones.
      expect(field('priority')).toMatchObject({ defaultTicketId: newer.id });
      expect(field('product')).toMatchObject({ defaultTicketId: newer.id });
      expect(field('product').candidates).toEqual([
        { ticketId: oldest.id, value: null, empty: true },
        { ticketId: middle.id, value: 'Router Y', empty: false },
        { ticketId: newer.id, value: 'Router X', empty: false },
      ]);
      expect(field('tags')).toMatchObject({ defaultTicketId: newer.id });
      expect(res.body.merged).toMatchObject({ id: oldest.id, product: 'Router X', priority: 'high', tags: ['vip'], customFields: { order: 'A-1' }, account: 'Customer Inc' });
      expect(res.body.timeline.map((e: { kind: string; thread?: { bodyText: string }; comment?: { body: string } }) => e.thread?.bodyText ?? e.comment?.body)).toEqual([
        'first mail',
        'note on the web form',
        'web form message',
        'chat transcript',
        'latest note',
      ]);
      expect(res.body.contacts.map((c: { email: string }) => c.email)).toEqual(['alice@customer.test']);
    });

    it("R-MERGE-4 merging an on-hold request with the customer's older closed ones keeps it live: the most active status, the highest priority", async () => {
      const closedOld = await ticket(0, { status: 'closed', priority: 'low', subject: 'Router dead' });
      const closedLater = await ticket(10, { status: 'closed', priority: 'low' });
      const onHold = await ticket(20, { status: 'on_hold', priority: 'medium', subject: 'Router still dead' });
      const res = await preview([closedOld.id, closedLater.id, onHold.id]);
      expect(res.body).toMatchObject({
        primaryId: closedOld.id,
        merged: { id: closedOld.id, number: closedOld.number, status: 'on_hold', priority: 'medium', subject: 'Router still dead' },
      });
    });

    it('R-MERGE-3 previews with the primary the agent picked, and refuses one outside the merge', async () => {
      const a = await ticket(0, { product: null });
      const b = await ticket(5, { product: 'Hub' });
      const picked = await preview([a.id, b.id], { primaryId: b.id });
      expect(picked.body).toMatchObject({ defaultPrimaryId: a.id, primaryId: b.id, merged: { id: b.id, product: 'Hub' } });
      const outside = await preview([a.id, b.id], { primaryId: world.tickets[0]!.id });
      expect(outside.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['R-MERGE-3']);
    });

    it('R-MERGE-2 answers the count and department rules as violations, changing nothing', async () => {
      const one = await ticket(0);
      expect((await preview([one.id])).body.violations).toEqual([expect.objectContaining({ rule: 'R-MERGE-2', message: expect.stringContaining('at least 2') })]);
      const six = await Promise.all([1, 2, 3, 4, 5].map((m) => ticket(m)));
      const sixIds = [one.id, ...six.map((t) => t.id)];
      expect((await preview(sixIds)).body.violations[0]).toMatchObject({ rule: 'R-MERGE-2', message: 'You selected 6 tickets; at most 5 can be merged at once. Select 1 fewer.' });
      const billing = await ticket(0, { departmentId: world.departments.billing.id });
      expect((await preview([one.id, billing.id])).body.violations[0]).toMatchObject({ rule: 'R-MERGE-2', message: expect.stringContaining('different departments') });
      expect((await get(`/tickets/${one.id}`)).body).toMatchObject({ trashedAt: null, mergedIntoId: null });
    });

    it('R-PERM-5 a ticket of a department the agent cannot view is 403; an unknown one 404', async () => {
      const billing = await ticket(0, { departmentId: world.departments.billing.id });
      const support = await ticket(1);
      const refused = await preview([support.id, billing.id], {}, world.tokens.agent);
      expect(refused.status).toBe(403);
      expect(refused.body.error.rule).toBe('R-PERM-5');
      expect((await preview([support.id, 99_999_999])).status).toBe(404);
    });
  });

  describe('POST /merge', () => {
    it("R-MERGE-5 R-MERGE-6 R-MERGE-7 merges three tickets: chosen fields, the primary's times, every thread and comment moved, the others trashed pointing at it", async () => {
      const primary = await ticket(0, { subject: 'Router dead', priority: 'low', product: null, onHoldSeconds: 120, firstResponseAt: at(5), lastThreadChannel: 'email' });
      const web = await ticket(20, { channel: 'web', subject: 'Router broken (web)', priority: 'urgent', product: 'Router Y' });
      const chat = await ticket(40, { channel: 'chat', subject: 'chat about router', assigneeAgentId: world.agents.agent.id, firstResponseAt: at(41), onHoldSeconds: 999 });
      await thread(primary.id, 1, 'mail 1');
      await thread(web.id, 21, 'web 1');
      await thread(chat.id, 42, 'chat 1', 'chat');
      await comment(web.id, 22, 'web note', 'public');
      await server.database.db.insert(ticketWebmailThreads).values({ ticketId: web.id, provider: 'gmail', mailbox: 'support@acme.test', threadId: 'web-thread-1' });

      const res = await merge([web.id, chat.id, primary.id], primary.id, { subject: primary.id, priority: web.id, assigneeAgentId: chat.id });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.mergedIds.sort()).toEqual([web.id, chat.id].sort());
      expect(res.body.ticket).toMatchObject({
        id: primary.id,
        subject: 'Router dead',
        priority: 'urgent',
        product: 'Router Y',
        assigneeAgentId: world.agents.agent.id,
        createdAt: at(0).toISOString(),
        firstResponseAt: at(5).toISOString(),
        onHoldSeconds: 120,
        version: primary.version + 1,
        webmailThreads: [{ provider: 'gmail', mailbox: 'support@acme.test', threadId: 'web-thread-1' }],
      });
      expect(res.body.job).toMatchObject({ operation: 'merge', mode: 'bulk', status: 'completed', counts: { total: 3, done: 3, failed: 0 } });

      const timeline = (await get(`/tickets/${primary.id}/timeline`)).body;
      expect(timeline.threads.map((t: { bodyText: string }) => t.bodyText)).toEqual(['mail 1', 'web 1', 'chat 1']);
      expect(timeline.comments.map((c: { body: string }) => c.body)).toEqual(['web note']);
      for (const other of [web, chat]) {
        const after = (await get(`/tickets/${other.id}`)).body;
        expect(after.mergedIntoId).toBe(primary.id);
        expect(after.trashedAt).not.toBeNull();
        expect(after.webmailThreads).toEqual([]);
        expect((await get(`/tickets/${other.id}/timeline`)).body).toEqual({ threads: [], comments: [] });
      }
      // The newest thread was a chat: R-REPLY-4 decides by it.
      expect(res.body.ticket.lastThreadChannel).toBe('chat');
      const history = (await get(`/tickets/${primary.id}/history`)).body.items.find(
        (h: { ticketId: number; action: string }) => h.ticketId === primary.id && h.action === 'merged',
      );
      expect(history).toMatchObject({
        action: 'merged',
        jobId: res.body.job.id,
        changes: { mergedIds: expect.arrayContaining([web.id, chat.id]), fields: { priority: { from: 'low', to: 'urgent' } } },
      });
      const trashed = (await get(`/trash?departmentId=${world.departments.support.id}`)).body.items.map((i: { ticket: { id: number } }) => i.ticket.id);
      expect(trashed).toEqual(expect.arrayContaining([web.id, chat.id]));
      const listed = (await get(`/tickets?departmentId=${world.departments.support.id}&limit=500`)).body.items.map((t: TicketRow) => t.id);
      expect(listed).toContain(primary.id);
      expect(listed).not.toContain(web.id);
    });

    it('R-MERGE-4 an empty value on the primary is filled from the ticket the agent chose, and a filled one can be emptied by choosing an empty one', async () => {
      const a = await ticket(0, { product: null, category: 'Hardware' });
      const b = await ticket(1, { product: 'Hub', category: null });
      const c = await ticket(2, { product: 'Switch' });
      const res = await merge([a.id, b.id, c.id], a.id, { product: c.id, category: b.id });
      expect(res.status).toBe(200);
      expect(res.body.ticket).toMatchObject({ product: 'Switch', category: null });
    });

    it('R-MERGE-3 the agent may make a newer ticket the primary; it keeps its own created time', async () => {
      const older = await ticket(0);
      const newer = await ticket(50, { subject: 'Keep me' });
      const res = await merge([older.id, newer.id], newer.id);
      expect(res.body.ticket).toMatchObject({ id: newer.id, subject: 'Keep me', createdAt: at(50).toISOString() });
      expect((await get(`/tickets/${older.id}`)).body.mergedIntoId).toBe(newer.id);
    });

    it('R-MERGE-2 refuses one ticket, six tickets and mixed departments, merging nothing', async () => {
      const one = await ticket(0);
      const single = await merge([one.id], one.id);
      expect(single.status).toBe(422);
      expect(single.body.error.rule).toBe('R-MERGE-2');
      const five = await Promise.all([1, 2, 3, 4].map((m) => ticket(m)));
      const six = [one.id, ...five.map((t) => t.id), (await ticket(5)).id];
      const tooMany = await merge(six, one.id);
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-MERGE-2', message: expect.stringContaining('Select 1 fewer') });
      const billing = await ticket(0, { departmentId: world.departments.billing.id });
      const mixed = await merge([one.id, billing.id], one.id);
      expect(mixed.status).toBe(422);
      expect(mixed.body.error.message).toContain('different departments');
      for (const id of six) expect((await get(`/tickets/${id}`)).body.mergedIntoId).toBeNull();
      const fiveOk = await merge(six.slice(0, 5), one.id);
      expect(fiveOk.status).toBe(200);
      expect(fiveOk.body.mergedIds).toHaveLength(4);
    });

    it('R-MERGE-1 without ticket.merge the merge is 403 naming the permission', async () => {
      const a = await ticket(0, { departmentId: world.departments.billing.id });
      const b = await ticket(1, { departmentId: world.departments.billing.id });
      const res = await merge([a.id, b.id], a.id, {}, world.tokens.viewer);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-MERGE-1', message: expect.stringContaining('ticket.merge') });
      expect((await get(`/tickets/${b.id}`)).body.mergedIntoId).toBeNull();
    });

    it('refuses a change made since the preview (409 naming the ticket), then merges with the fresh versions', async () => {
      const a = await ticket(0);
      const b = await ticket(1);
      const seen = await versionsOf([a.id, b.id]);
      const edited = await server.request('PATCH', `/api/v1/tickets/${b.id}`, { token: world.tokens.admin, body: { version: seen[1]!.version, priority: 'urgent' } });
      expect(edited.status).toBe(200);
      const stale = await post('/merge', { tickets: seen, primaryId: a.id, fieldChoices: { priority: b.id } });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'CONFLICT', details: { ticketId: b.id, currentVersion: seen[1]!.version + 1 } });
      expect(stale.body.error.message).toContain(`#${b.number}`);
      expect((await get(`/tickets/${a.id}`)).body.version).toBe(seen[0]!.version);
      const fresh = await merge([a.id, b.id], a.id, { priority: b.id });
      expect(fresh.body.ticket.priority).toBe('urgent');
    });

    it('an edit racing the merge: exactly one of them wins, the other is a 409, nothing is lost', async () => {
      for (let round = 0; round < 3; round++) {
        const a = await ticket(round * 3);
        const b = await ticket(round * 3 + 1);
        const seen = await versionsOf([a.id, b.id]);
        const [merged, edited] = await Promise.all([
          post('/merge', { tickets: seen, primaryId: a.id, fieldChoices: {} }),
          server.request('PATCH', `/api/v1/tickets/${b.id}`, { token: world.tokens.admin, body: { version: seen[1]!.version, subject: 'Edited meanwhile' } }),
        ]);
        expect([merged.status, edited.status].sort(), JSON.stringify([merged.body, edited.body])).toEqual([200, 409]);
        const after = (await get(`/tickets/${b.id}`)).body;
        if (merged.status === 200) expect(after).toMatchObject({ mergedIntoId: a.id, subject: b.subject });
        else expect(after).toMatchObject({ mergedIntoId: null, subject: 'Edited meanwhile' });
      }
    });

    it('a repeated Idempotency-Key answers the first merge and merges nothing twice', async () => {
      const a = await ticket(0);
      const b = await ticket(1);
      const body = { tickets: await versionsOf([a.id, b.id]), primaryId: a.id, fieldChoices: {} };
      const headers = { 'Idempotency-Key': `merge-${a.id}-${b.id}` };
      const first = await post('/merge', body, world.tokens.admin, headers);
      const again = await post('/merge', body, world.tokens.admin, headers);
      expect(first.status).toBe(200);
      expect(again.status).toBe(200);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      const merges = await server.database.db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, a.id));
      expect(merges.filter((h) => h.action === 'merged')).toHaveLength(1);
    });

    it('R-MERGE-7 a ticket already merged away cannot be merged again; the error names its primary', async () => {
      const a = await ticket(0);
      const b = await ticket(1);
      const c = await ticket(2);
      expect((await merge([a.id, b.id], a.id)).status).toBe(200);
      const again = await post('/merge', {
        tickets: [
          { id: b.id, version: 99 },
          { id: c.id, version: c.version },
        ],
        primaryId: c.id,
        fieldChoices: {},
      });
      expect(again.status).toBe(422);
      expect(again.body.error).toMatchObject({ rule: 'R-MERGE-7', message: `#${b.number} was already merged into #${a.number}; merge #${a.number} instead.` });
    });

    it('R-CC-9 secondary contacts are chosen like any field, and R-CC-2 keeps the 20 limit', async () => {
      const partners = world.contacts.partners.map((p) => p.id);
      const a = await ticket(0, { secondaryContactIds: partners.slice(0, 2) });
      const b = await ticket(1, { secondaryContactIds: partners.slice(2, 5) });
      const tooMany = await ticket(2, { secondaryContactIds: partners.slice(0, 21) });
      const refused = await merge([a.id, tooMany.id], a.id, { secondaryContactIds: tooMany.id });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ rule: 'R-CC-2', message: expect.stringContaining('at most 20') });
      const res = await merge([a.id, b.id], a.id, { secondaryContactIds: b.id });
      expect(res.status).toBe(200);
      expect(res.body.ticket.secondaryContactIds).toEqual(partners.slice(2, 5));
    });

    it('R-MERGE-4 refuses an unknown field or a ticket outside the merge', async () => {
      const a = await ticket(0);
      const b = await ticket(1);
      const unknown = await merge([a.id, b.id], a.id, { colour: b.id });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error).toMatchObject({ rule: 'R-MERGE-4', message: expect.stringContaining('"colour"') });
      const outside = await merge([a.id, b.id], a.id, { subject: world.tickets[0]!.id });
      expect(outside.body.error.rule).toBe('R-MERGE-4');
      const primary = await merge([a.id, b.id], world.tickets[0]!.id);
      expect(primary.body.error.rule).toBe('R-MERGE-3');
    });

    it('R-BULK-2 merge runs as a bulk job from a selection and completes at once', async () => {
      const a = await ticket(0);
      const b = await ticket(1);
      const res = await post('/jobs', { operation: 'merge', departmentId: world.departments.support.id, ticketIds: [a.id, b.id], payload: { primaryId: b.id, fieldChoices: {} } });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ operation: 'merge', status: 'completed', counts: { done: 2 } });
      expect((await get(`/tickets/${a.id}`)).body.mergedIntoId).toBe(b.id);
      const history = (await get('/jobs?operation=merge')).body.items.map((j: { id: number }) => j.id);
      expect(history).toContain(res.body.id);
    });
  });

  describe('after a merge', () => {
    it('R-MERGE-7 a merged-away ticket restored from trash comes back as a record: still merged, its threads stay with the primary', async () => {
      const a = await ticket(0);
      const b = await ticket(1);
      await thread(b.id, 2, 'b mail');
      expect((await merge([a.id, b.id], a.id)).status).toBe(200);
      const restored = await post(`/trash/${b.id}/restore`, undefined);
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ id: b.id, trashedAt: null, mergedIntoId: a.id });
      expect((await get(`/tickets/${b.id}/timeline`)).body.threads).toEqual([]);
      expect((await get(`/tickets/${a.id}/timeline`)).body.threads.map((t: { bodyText: string }) => t.bodyText)).toEqual(['b mail']);
      const listed = (await get(`/tickets?departmentId=${world.departments.support.id}&limit=500`)).body.items.map((t: TicketRow) => t.id);
      expect(listed).not.toContain(b.id);
    });

    it('a conversation added to a merged-away ticket lands on the primary; a field edit is a conflict naming the primary', async () => {
      const a = await ticket(0);
      const b = await ticket(1);
      expect((await merge([a.id, b.id], a.id)).status).toBe(200);
      const link = { provider: 'outlook', mailbox: 'support@acme.test', threadId: `late-${b.id}` };
      const added = await server.request('PATCH', `/api/v1/tickets/${b.id}`, { token: world.tokens.admin, body: { version: b.version, addWebmailThread: link } });
      expect(added.status).toBe(200);
      expect(added.body.id).toBe(a.id);
      expect(added.body.webmailThreads).toEqual([link]);
      const edit = await server.request('PATCH', `/api/v1/tickets/${b.id}`, { token: world.tokens.admin, body: { version: b.version + 1, priority: 'high' } });
      expect(edit.status).toBe(409);
      expect(edit.body.error.details).toEqual({ mergedIntoId: a.id });
    });

    it('a bulk job started on a selection holding a merged-away ticket acts on its primary', async () => {
      const a = await ticket(0);
      const b = await ticket(1);
      expect((await merge([a.id, b.id], a.id)).status).toBe(200);
      const res = await post('/jobs/preview', { operation: 'close', departmentId: world.departments.support.id, ticketIds: [b.id], payload: {} });
      expect(res.status).toBe(200);
      expect(res.body.tickets).toEqual([{ ticketId: a.id, ok: true, reason: null }]);
    });

    it("R-MERGE-10 lists one contact's other tickets to merge from one ticket", async () => {
      const [dora] = await server.database.db.insert(contacts).values({ email: 'dora@customer.test', name: 'Dora' }).returning();
      const mine = [await ticket(0, { contactId: dora!.id }), await ticket(1, { contactId: dora!.id, departmentId: world.departments.billing.id })];
      const res = await get(`/tickets?contactId=${dora!.id}`);
      expect(res.body.items.map((t: TicketRow) => t.id)).toEqual([mine[1]!.id, mine[0]!.id]);
      const agentView = await get(`/tickets?contactId=${dora!.id}`, world.tokens.agent);
      expect(agentView.body.items.map((t: TicketRow) => t.id)).toEqual([mine[0]!.id]);
    });
  });

  // Each test gets its own stretch of time, so tickets of one test never interleave with another's.
  afterEach(() => {
    clock += 24 * 60 * MINUTE;
  });
});
