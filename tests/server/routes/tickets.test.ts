import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('ticket routes on %s', (kind) => {
  let server: TestServer;
  let world: World;
  const ticketIn = (name: keyof World['departments']) => world.tickets.find((t) => t.departmentId === world.departments[name].id)!;
  const get = (path: string, token = world.tokens.admin) => server.request('GET', `/api/v1${path}`, { token });
  const post = (path: string, body: unknown, token = world.tokens.admin, headers?: Record<string, string>) =>
    server.request('POST', `/api/v1${path}`, { token, body, ...(headers ? { headers } : {}) });
  const patch = (path: string, body: unknown, token = world.tokens.admin) => server.request('PATCH', `/api/v1${path}`, { token, body });

  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  describe('GET /tickets', () => {
    it('pages newest first with a cursor, without gaps or repeats', async () => {
      for (let i = 0; i < 7; i++) {
        const res = await post('/tickets', { departmentId: world.departments.returns.id, channel: 'phone', subject: `Call ${i}`, contact: { id: world.contacts.bob.id } });
        expect(res.status).toBe(201);
      }
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`/tickets?departmentId=${world.departments.returns.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...res.body.items.map((t: { id: number }) => t.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.length).toBe(8);
      expect(new Set(seen).size).toBe(8);
      expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    });

    it("applies a view's filter and its department", async () => {
      const res = await get(`/tickets?viewId=${world.views.supportOpen.id}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const t of res.body.items) {
        expect(t.departmentId).toBe(world.departments.support.id);
        expect(t.status).toBe('open');
      }
    });

    it('the all-departments view holds only the departments the agent can view (R-PERM-5)', async () => {
      const res = await get(`/tickets?viewId=${world.views.all.id}`, world.tokens.agent);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((t: { departmentId: number }) => t.departmentId === world.departments.support.id)).toBe(true);
    });

    it('a view of a department the agent cannot see is 403, an unknown view 404', async () => {
      expect((await get(`/tickets?viewId=${world.views.billingSpam.id}`, world.tokens.agent)).status).toBe(403);
      expect((await get('/tickets?viewId=999999', world.tokens.agent)).status).toBe(404);
    });

    it('updatedSince returns changes oldest first, trashed tickets included, and pages by cursor', async () => {
      const since = new Date(Date.now() - 60_000).toISOString();
      const { tickets } = await import('../../../server/db/schema');
      const { eq } = await import('drizzle-orm');
      const target = ticketIn('support');
      await server.database.db.update(tickets).set({ trashedAt: new Date() }).where(eq(tickets.id, world.tickets[1]!.id));
      const changed = await patch(`/tickets/${target.id}`, { version: target.version, priority: 'urgent' });
      expect(changed.status).toBe(200);
      const all: { id: number; updatedAt: string; trashedAt: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`/tickets?updatedSince=${encodeURIComponent(since)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        all.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(all.some((t) => t.id === world.tickets[1]!.id && t.trashedAt !== null)).toBe(true);
      expect(all.at(-1)!.id).toBe(target.id);
      const times = all.map((t) => t.updatedAt);
      expect([...times].sort()).toEqual(times);
      expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
      const later = await get(`/tickets?updatedSince=${encodeURIComponent(all.at(-1)!.updatedAt)}`);
      expect(later.body.items.map((t: { id: number }) => t.id)).toEqual([target.id]);
    });

    it('refuses unknown query parameters and bad values with the field path (400)', async () => {
      const res = await get('/tickets?limit=9999&colour=red');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['query.limit']));
      expect(res.body.error.message).toMatch(/colour/);
      expect((await get('/tickets?cursor=garbage')).status).toBe(400);
    });
  });

  describe('POST /tickets', () => {
    it('creates an email ticket with its first thread and webmail link, creating the contact by address', async () => {
      const res = await post('/tickets', {
        departmentId: world.departments.support.id,
        channel: 'email',
        subject: 'Order <b>#55</b> missing',
        contact: { email: 'New.Person@Customer.test', name: 'New Person' },
        webmailThread: { provider: 'gmail', mailbox: 'support@acme.test', threadId: '18c2f0a1b2c3d4e5' },
        firstThread: {
          from: 'New Person <new.person@customer.test>',
          to: ['support@acme.test'],
          cc: ['boss@customer.test'],
          bodyText: 'Where is it?',
          messageId: '<abc@customer.test>',
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ channel: 'email', status: 'open', priority: 'medium', version: 1, lastThreadChannel: 'email', spam: false });
      expect(res.body.number).toBeGreaterThanOrEqual(1000);
      expect(res.body.webmailThreads).toEqual([{ provider: 'gmail', mailbox: 'support@acme.test', threadId: '18c2f0a1b2c3d4e5' }]);
      const contact = await get(`/contacts/${res.body.contactId}`);
      expect(contact.body.email).toBe('new.person@customer.test');
      const timeline = await get(`/tickets/${res.body.id}/timeline`);
      expect(timeline.body.threads).toHaveLength(1);
      expect(timeline.body.threads[0]).toMatchObject({
        direction: 'in',
        channel: 'email',
        to: ['support@acme.test'],
        cc: ['boss@customer.test'],
        messageId: '<abc@customer.test>',
      });
    });

    it('a webmail conversation already turned into a ticket is 409 naming that ticket', async () => {
      const body = {
        departmentId: world.departments.support.id,
        channel: 'email',
        subject: 'Same thread',
        contact: { id: world.contacts.alice.id },
        webmailThread: { provider: 'outlook', mailbox: 'support@acme.test', threadId: 'AAQkADAwATM0MDAAMS1iNTcwLTg2' },
      };
      const first = await post('/tickets', body);
      expect(first.status).toBe(201);
      const second = await post('/tickets', { ...body, subject: 'Again' });
      expect(second.status).toBe(409);
      expect(second.body.error.message).toContain(`#${first.body.number}`);
      expect(second.body.error.details.ticketId).toBe(first.body.id);
    });

    it('R-BULK-12 a ticket from a sender marked spam arrives as spam', async () => {
      const res = await post('/tickets', { departmentId: world.departments.support.id, channel: 'email', subject: 'WIN NOW', contact: { email: 'SPAMMER@junk.test' } });
      expect(res.status).toBe(201);
      expect(res.body.spam).toBe(true);
      expect(res.body.contactId).toBe(world.contacts.spammer.id);
    });

    it('validates the body and names every bad field (400)', async () => {
      const res = await post('/tickets', { departmentId: 'x', channel: 'fax', subject: '', contact: { email: 'not-an-address' } });
      expect(res.status).toBe(400);
      const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['body.departmentId', 'body.channel', 'body.subject']));
      expect((await post('/tickets', '{not json')).body.error.message).toMatch(/not valid JSON/);
    });

    it('R-PERM-5 creating in a department without ticket.edit is 403', async () => {
      const res = await post('/tickets', { departmentId: world.departments.billing.id, channel: 'web', subject: 'x', contact: { id: world.contacts.bob.id } }, world.tokens.agent);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('ticket.edit');
    });

    it('assigning to an agent or team of another department is refused with the field', async () => {
      const res = await post('/tickets', {
        departmentId: world.departments.returns.id,
        channel: 'phone',
        subject: 'x',
        contact: { id: world.contacts.bob.id },
        assigneeAgentId: world.agents.agent.id,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].path).toBe('body.assigneeAgentId');
      const team = await post('/tickets', {
        departmentId: world.departments.support.id,
        channel: 'phone',
        subject: 'x',
        contact: { id: world.contacts.bob.id },
        assigneeTeamId: world.teams.refunds.id,
      });
      expect(team.status).toBe(400);
    });
  });

  describe('PATCH /tickets/:id', () => {
    it('applies the change, bumps the version and records history', async () => {
      const t = ticketIn('returns');
      const current = (await get(`/tickets/${t.id}`)).body;
      const res = await patch(`/tickets/${t.id}`, { version: current.version, status: 'escalated', priority: 'high', tags: ['vip'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'escalated', priority: 'high', tags: ['vip'], version: current.version + 1 });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(current.updatedAt));
      const history = (await get(`/tickets/${t.id}/history`)).body.items;
      expect(history.at(-1)!.action).toBe('updated');
      expect(history.at(-1)!.changes).toMatchObject({ status: { from: current.status, to: 'escalated' }, priority: { from: current.priority, to: 'high' } });
      expect(history.at(-1)!.agentId).toBe(world.agents.admin.id);
    });

    it('a stale version is 409 CONFLICT with the current version, and changes nothing', async () => {
      const t = ticketIn('returns');
      const current = (await get(`/tickets/${t.id}`)).body;
      const res = await patch(`/tickets/${t.id}`, { version: current.version - 1, priority: 'low' });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: current.version } });
      expect((await get(`/tickets/${t.id}`)).body.priority).toBe(current.priority);
    });

    it('counts on-hold time when a ticket leaves on_hold', async () => {
      const t = world.tickets[1]!;
      const { tickets } = await import('../../../server/db/schema');
      const { eq } = await import('drizzle-orm');
      await server.database.db
        .update(tickets)
        .set({ trashedAt: null, onHoldSince: new Date(Date.now() - 3_600_000) })
        .where(eq(tickets.id, t.id));
      const current = (await get(`/tickets/${t.id}`)).body;
      const res = await patch(`/tickets/${t.id}`, { version: current.version, status: 'open' });
      expect(res.status).toBe(200);
      expect(res.body.onHoldSeconds).toBeGreaterThanOrEqual(3599);
      expect(res.body.onHoldSince).toBeNull();
    });

    it('R-CC-2 at most 20 secondary contacts: 20 pass, 21 are refused with the count', async () => {
      const t = ticketIn('support');
      const ids = world.contacts.partners.map((c) => c.id);
      let current = (await get(`/tickets/${t.id}`)).body;
      const ok = await patch(`/tickets/${t.id}`, { version: current.version, secondaryContactIds: ids.slice(0, 20) });
      expect(ok.status).toBe(200);
      expect(ok.body.secondaryContactIds).toHaveLength(20);
      current = ok.body;
      const refused = await patch(`/tickets/${t.id}`, { version: current.version, secondaryContactIds: ids.slice(0, 21) });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-CC-2' });
      expect(refused.body.error.message).toContain('21');
    });

    it("R-CC-3 refuses deleted, spam and agent addresses and the department's own addresses, naming each", async () => {
      const t = ticketIn('support');
      const current = (await get(`/tickets/${t.id}`)).body;
      const res = await patch(`/tickets/${t.id}`, {
        version: current.version,
        secondaryContactIds: [world.contacts.deleted.id, world.contacts.spammer.id],
        ccAddresses: ['support@acme.test', 'agent@acme.test'],
      });
      expect(res.status).toBe(422);
      expect(res.body.error.rule).toBe('R-CC-3');
      for (const address of ['gone@customer.test', 'spammer@junk.test', 'support@acme.test', 'agent@acme.test']) {
        expect(res.body.error.message).toContain(address);
      }
      expect(res.body.error.details.violations).toHaveLength(4);
    });

    it('R-CC-1 secondary contacts are refused in a department with CC off', async () => {
      const t = ticketIn('billing');
      const current = (await get(`/tickets/${t.id}`)).body;
      const res = await patch(`/tickets/${t.id}`, { version: current.version, secondaryContactIds: [world.contacts.bob.id] });
      expect(res.status).toBe(422);
      expect(res.body.error.rule).toBe('R-CC-1');
    });

    it('R-BULK-15 a blueprint ticket follows its transitions', async () => {
      const t = world.tickets.find((x) => x.blueprintId !== null)!;
      let current = (await get(`/tickets/${t.id}`)).body;
      const refused = await patch(`/tickets/${t.id}`, { version: current.version, status: 'closed' });
      expect(refused.status).toBe(422);
      expect(refused.body.error.rule).toBe('R-BULK-15');
      expect(refused.body.error.message).toContain('escalated');
      const ok = await patch(`/tickets/${t.id}`, { version: current.version, status: 'escalated' });
      expect(ok.status).toBe(200);
      current = ok.body;
      expect((await patch(`/tickets/${t.id}`, { version: current.version, status: 'closed' })).status).toBe(200);
    });

    it('links another webmail conversation, and refuses one that belongs to another ticket', async () => {
      const [a, b] = [ticketIn('support'), ticketIn('returns')];
      const link = { provider: 'gmail', mailbox: 'support@acme.test', threadId: '19aa00bb11cc22dd' };
      const first = await patch(`/tickets/${a.id}`, { version: (await get(`/tickets/${a.id}`)).body.version, addWebmailThread: link });
      expect(first.status).toBe(200);
      expect(first.body.webmailThreads).toContainEqual(link);
      const second = await patch(`/tickets/${b.id}`, { version: (await get(`/tickets/${b.id}`)).body.version, addWebmailThread: link });
      expect(second.status).toBe(409);
    });

    it('an empty change is a validation error, a trashed ticket a conflict', async () => {
      const t = ticketIn('returns');
      const current = (await get(`/tickets/${t.id}`)).body;
      expect((await patch(`/tickets/${t.id}`, { version: current.version })).status).toBe(400);
      const { tickets } = await import('../../../server/db/schema');
      const { eq } = await import('drizzle-orm');
      const created = await post('/tickets', { departmentId: world.departments.returns.id, channel: 'phone', subject: 'to trash', contact: { id: world.contacts.bob.id } });
      await server.database.db.update(tickets).set({ trashedAt: new Date() }).where(eq(tickets.id, created.body.id));
      const res = await patch(`/tickets/${created.body.id}`, { version: 1, priority: 'low' });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/trash/);
    });

    it('R-BULK-3 moving a ticket needs ticket.move in both departments, and drops what belonged to the old one', async () => {
      const created = await post('/tickets', {
        departmentId: world.departments.support.id,
        channel: 'email',
        subject: 'Wrong department',
        contact: { id: world.contacts.bob.id },
        assigneeAgentId: world.agents.agent.id,
        assigneeTeamId: world.teams.tier2.id,
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const byAgent = await patch(`/tickets/${id}`, { version: 1, departmentId: world.departments.billing.id }, world.tokens.agent);
      expect(byAgent.status).toBe(422);
      expect(byAgent.body.error).toMatchObject({ rule: 'R-BULK-3', message: expect.stringContaining('ticket.move in department Support') });
      const intoReturns = await patch(`/tickets/${id}`, { version: 1, departmentId: world.departments.returns.id }, world.tokens.lead);
      expect(intoReturns.status).toBe(422);
      expect(intoReturns.body.error.message).toContain('ticket.move in department Returns');
      const moved = await patch(`/tickets/${id}`, { version: 1, departmentId: world.departments.billing.id }, world.tokens.lead);
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ departmentId: world.departments.billing.id, assigneeAgentId: null, assigneeTeamId: null, blueprintId: null, version: 2 });
    });

    it('R-CC-1 a ticket with secondary contacts cannot move into a department with CC off', async () => {
      const created = await post('/tickets', {
        departmentId: world.departments.support.id,
        channel: 'email',
        subject: 'With CCs',
        contact: { id: world.contacts.alice.id },
        secondaryContactIds: [world.contacts.bob.id],
      });
      expect(created.status).toBe(201);
      const res = await patch(`/tickets/${created.body.id}`, { version: 1, departmentId: world.departments.billing.id });
      expect(res.status).toBe(422);
      expect(res.body.error.rule).toBe('R-CC-1');
    });

    it('an unknown ticket is 404', async () => {
      expect((await get('/tickets/987654')).status).toBe(404);
      expect((await patch('/tickets/987654', { version: 1, priority: 'low' })).status).toBe(404);
    });
  });
});
