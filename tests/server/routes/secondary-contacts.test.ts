import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, replyRecipients, ticketHistory, tickets } from '../../../server/db/schema';
import { runJob } from '../../../server/jobs/job-runner';
import { Mailers } from '../../../server/mail/mailers';
import { databaseKinds, TEST_PUBLIC_URL, type TestServer } from '../harness';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('secondary contacts (CC) on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let peer: SmtpPeer;
  let mailers: Mailers;
  let n = 0;

  beforeAll(async () => {
    peer = new SmtpPeer();
    await peer.start();
    mailers = new Mailers(peer.url);
    ({ server, world } = await startWorld(kind, { jobs: 'hold', mailers }));
    db = server.database.db;
  });
  afterEach(() => {
    peer.received.length = 0;
  });
  afterAll(async () => {
    await server.close();
    mailers.close();
    await peer.stop();
  });

  const api = (method: string, path: string, body?: unknown, token = world.tokens.admin) =>
    server.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  const ids = (list: { id: number }[]) => list.map((c) => ({ id: c.id }));

  async function freshTicket(department: keyof World['departments'] = 'support', values: Partial<typeof tickets.$inferInsert> = {}) {
    n += 1;
    const [customer] = await db
      .insert(contacts)
      .values({ email: `customer${n}@customer.example`, name: `Customer ${n}` })
      .returning();
    const [ticket] = await db
      .insert(tickets)
      .values({ departmentId: world.departments[department].id, channel: 'email', contactId: customer!.id, subject: `Question ${n}`, lastThreadChannel: 'email', ...values })
      .returning();
    return { ticket: ticket!, customer: customer! };
  }

  const put = (ticketId: number, version: number, list: unknown[], token?: string) => api('PUT', `/tickets/${ticketId}/secondary-contacts`, { version, contacts: list }, token);
  const mailTo = (address: string) => peer.received.filter((r) => r.to.includes(address));

  describe('R-CC-1 per department, needing the help center', () => {
    it('says why CC is off, and refuses to add anyone there', async () => {
      const { ticket } = await freshTicket('billing');
      const view = await api('GET', `/tickets/${ticket.id}/secondary-contacts`);
      expect(view.body).toMatchObject({ contacts: [], limit: 20, disabledReason: expect.stringContaining('R-CC-1') });
      const res = await put(ticket.id, ticket.version, [{ id: world.contacts.bob.id }]);
      expect(res.status).toBe(422);
      expect(res.body.error.rule).toBe('R-CC-1');
      expect((await api('GET', `/tickets/${ticket.id}/secondary-contacts`)).body.contacts).toEqual([]);
    });

    it('the help center cannot be turned off under CC, and CC comes on once the help center is', async () => {
      const off = await api('PATCH', `/departments/${world.departments.support.id}/features`, { helpCenter: false });
      expect(off.status).toBe(422);
      expect(off.body.error.rule).toBe('R-CC-1');
      const on = await api('PATCH', `/departments/${world.departments.returns.id}/features`, { cc: true });
      expect(on.status, JSON.stringify(on.body)).toBe(200);
      expect(on.body).toMatchObject({ helpCenter: true, features: { cc: true } });
      const both = await api('PATCH', `/departments/${world.departments.returns.id}/features`, { cc: false, helpCenter: false });
      expect(both.body).toMatchObject({ helpCenter: false, features: { cc: false } });
    });

    it('only admins (settings.manage) change the switches', async () => {
      const res = await api('PATCH', `/departments/${world.departments.support.id}/features`, { helpCenter: true }, world.tokens.agent);
      expect(res.status).toBe(403);
    });
  });

  describe('R-CC-2 at most 20', () => {
    it('takes 20 and refuses a 21st, changing nothing', async () => {
      const { ticket } = await freshTicket();
      const twenty = await put(ticket.id, ticket.version, ids(world.contacts.partners.slice(0, 20)));
      expect(twenty.status, JSON.stringify(twenty.body)).toBe(200);
      expect(twenty.body.contacts).toHaveLength(20);
      const more = await put(ticket.id, twenty.body.version, [...ids(world.contacts.partners.slice(0, 20)), { email: 'one-more@partner.test' }]);
      expect(more.status).toBe(422);
      expect(more.body.error).toMatchObject({ rule: 'R-CC-2', message: expect.stringContaining('at most 20') });
      expect(await db.select().from(contacts).where(eq(contacts.email, 'one-more@partner.test'))).toEqual([]);
    });

    it("counts the ticket's CC addresses too", async () => {
      const { ticket } = await freshTicket('support', { ccAddresses: ['copy@customer.example'] });
      const res = await put(ticket.id, ticket.version, ids(world.contacts.partners.slice(0, 20)));
      expect(res.body.error.rule).toBe('R-CC-2');
    });
  });

  describe('R-CC-3 refused addresses, each named with its reason', () => {
    it('refuses deleted, spam and anonymous contacts, support and from-addresses and agents', async () => {
      const { ticket } = await freshTicket();
      const res = await put(ticket.id, ticket.version, [
        { id: world.contacts.deleted.id },
        { id: world.contacts.spammer.id },
        { id: world.contacts.anonymous.id },
        { email: 'Support@Acme.test' },
        { email: 'noreply@acme.test' },
        { email: 'agent@acme.test' },
        { email: 'fine@partner.test' },
      ]);
      expect(res.status).toBe(422);
      const messages = res.body.error.details.violations.map((v: { rule: string; message: string }) => `${v.rule} ${v.message}`);
      expect(messages).toEqual([
        expect.stringMatching(/^R-CC-3 gone@customer\.test .*a deleted contact/),
        expect.stringMatching(/^R-CC-3 spammer@junk\.test .*a spam contact/),
        expect.stringMatching(/^R-CC-3 .*an anonymous contact/),
        expect.stringMatching(/^R-CC-3 Support@Acme\.test .*a support address of department Support/),
        expect.stringMatching(/^R-CC-3 noreply@acme\.test .*a from-address of department Support/),
        expect.stringMatching(/^R-CC-3 agent@acme\.test .*an agent's address/),
      ]);
      // Nothing was created or changed: not even the one allowed address.
      expect(await db.select().from(contacts).where(eq(contacts.email, 'fine@partner.test'))).toEqual([]);
      expect((await api('GET', `/tickets/${ticket.id}`)).body.secondaryContactIds).toEqual([]);
    });
    it("refuses another department's support and from-addresses, on PUT and on PATCH /tickets/:id (issue 20 item 8)", async () => {
      const { ticket } = await freshTicket();
      const res = await put(ticket.id, ticket.version, [{ email: 'billing@acme.test' }, { email: 'returns@acme.test' }]);
      expect(res.status).toBe(422);
      const messages = res.body.error.details.violations.map((v: { rule: string; message: string }) => `${v.rule} ${v.message}`);
      expect(messages).toEqual([
        expect.stringMatching(/^R-CC-3 billing@acme\.test .*a support address of department Billing and a from-address of department Billing/),
        expect.stringMatching(/^R-CC-3 returns@acme\.test .*a support address of department Returns/),
      ]);
      const patched = await api('PATCH', `/tickets/${ticket.id}`, { version: ticket.version, ccAddresses: ['billing@acme.test'] });
      expect(patched.status).toBe(422);
      expect(patched.body.error.rule).toBe('R-CC-3');
    });
  });

  describe('R-CC-4 pick a contact or type an address', () => {
    it('a typed address becomes a new contact; a known one is reused', async () => {
      const { ticket } = await freshTicket();
      const res = await put(ticket.id, ticket.version, [
        { email: 'New.Person@Partner.test', name: 'New Person' },
        { email: 'BOB@customer.test' },
        { id: world.contacts.partners[0]!.id },
      ]);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const [created] = await db.select().from(contacts).where(eq(contacts.email, 'new.person@partner.test'));
      expect(created).toMatchObject({ name: 'New Person' });
      expect(res.body.contacts.map((c: { id: number }) => c.id)).toEqual([world.contacts.bob.id, world.contacts.partners[0]!.id, created!.id]);
      const [history] = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, ticket.id));
      expect(history).toMatchObject({ action: 'secondary_contacts', agentId: world.agents.admin.id });
    });

    it('a stale version answers 409 and changes nothing', async () => {
      const { ticket } = await freshTicket();
      await put(ticket.id, ticket.version, [{ id: world.contacts.bob.id }]);
      const stale = await put(ticket.id, ticket.version, [{ id: world.contacts.partners[1]!.id }]);
      expect(stale.status).toBe(409);
      expect((await api('GET', `/tickets/${ticket.id}/secondary-contacts`)).body.contacts.map((c: { id: number }) => c.id)).toEqual([world.contacts.bob.id]);
    });

    it('needs ticket.edit in the department', async () => {
      const { ticket } = await freshTicket('billing');
      const res = await put(ticket.id, ticket.version, [], world.tokens.viewer);
      expect(res.status).toBe(403);
    });
  });

  describe('R-CC-5 notifications', () => {
    it('a contact added hears of it, with the link to the ticket in the help center', async () => {
      const { ticket } = await freshTicket();
      await put(ticket.id, ticket.version, [{ email: 'follower@partner.test' }]);
      await server.notices.kick();
      const [mail] = mailTo('follower@partner.test');
      expect(mail?.mail.subject).toBe(`[#${ticket.number}] ${ticket.subject}`);
      expect(mail?.mail.text).toContain('secondary contact');
      expect(mail?.mail.text).toContain(`${TEST_PUBLIC_URL}/help/${world.departments.support.id}/tickets/${ticket.id}`);
      expect(mail?.from).toBe('noreply@acme.test');
    });

    it('public comments added, edited and deleted reach every secondary contact, one message each; private ones nobody', async () => {
      const { ticket } = await freshTicket('support', { secondaryContactIds: [world.contacts.partners[2]!.id, world.contacts.partners[3]!.id] });
      const note = await api('POST', `/tickets/${ticket.id}/comments`, { visibility: 'private', body: 'Internal: customer is grumpy' });
      expect(note.status).toBe(201);
      const comment = await api('POST', `/tickets/${ticket.id}/comments`, { visibility: 'public', body: 'We are on it.' });
      await api('PATCH', `/tickets/${ticket.id}/comments/${comment.body.id}`, { body: 'We are on it; fix due Friday.' });
      await api('DELETE', `/tickets/${ticket.id}/comments/${comment.body.id}`);
      await api('PATCH', `/tickets/${ticket.id}/comments/${note.body.id}`, { body: 'Internal: calmer now' });
      await server.notices.kick();
      for (const partner of [world.contacts.partners[2]!, world.contacts.partners[3]!]) {
        const texts = mailTo(partner.email!).map((r) => r.mail.text ?? '');
        expect(texts).toHaveLength(3);
        expect(texts[0]).toContain('comment was added');
        expect(texts[0]).toContain('> We are on it.');
        expect(texts[1]).toContain('> We are on it; fix due Friday.');
        expect(texts[2]).toContain('was deleted');
        expect(texts.join()).not.toContain('Internal');
        expect(mailTo(partner.email!).every((r) => r.to.length === 1)).toBe(true);
      }
    });

    it('a public comment through a bulk job notifies too', async () => {
      const { ticket } = await freshTicket('support', { secondaryContactIds: [world.contacts.partners[4]!.id] });
      const job = await api('POST', '/jobs', {
        operation: 'comment',
        departmentId: ticket.departmentId,
        ticketIds: [ticket.id],
        payload: { visibility: 'public', body: 'Status update' },
      });
      expect(job.status, JSON.stringify(job.body)).toBe(202);
      await runJob(db, job.body.id, { notices: server.notices });
      expect(mailTo(world.contacts.partners[4]!.email!).map((r) => r.mail.text)).toEqual([expect.stringContaining('> Status update')]);
    });

    it('nobody is notified where CC is off', async () => {
      const { ticket } = await freshTicket('billing', { secondaryContactIds: [world.contacts.partners[5]!.id] });
      await api('POST', `/tickets/${ticket.id}/comments`, { visibility: 'public', body: 'Refund sent' });
      await server.notices.kick();
      expect(mailTo(world.contacts.partners[5]!.email!)).toEqual([]);
    });
  });

  describe('R-CC-6 recipients of an incoming e-mail follow the new ticket', () => {
    const create = (department: keyof World['departments'], from: string, to: string[], cc: string[]) =>
      api('POST', '/tickets', {
        departmentId: world.departments[department].id,
        channel: 'email',
        subject: `Order problem ${++n}`,
        contact: { email: /<(.+)>/.exec(from)?.[1] ?? from, name: 'Sender' },
        firstThread: { from, to, cc, bodyText: 'Hello' },
      });

    it('adds every To/CC recipient except the sender and R-CC-3 addresses, and tells them', async () => {
      const res = await create(
        'support',
        'Sender <sender@customer.example>',
        ['support@acme.test', 'colleague@customer.example'],
        ['sender@customer.example', 'agent@acme.test', 'gone@customer.test', world.contacts.partners[6]!.email!],
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const view = await api('GET', `/tickets/${res.body.id}/secondary-contacts`);
      expect(view.body.contacts.map((c: { email: string }) => c.email)).toEqual(['colleague@customer.example', world.contacts.partners[6]!.email]);
      const [history] = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, res.body.id));
      expect(history!.changes).toMatchObject({
        autoCc: {
          added: ['colleague@customer.example', world.contacts.partners[6]!.email],
          skipped: [
            { email: 'support@acme.test', reason: expect.stringContaining('R-CC-3') },
            { email: 'agent@acme.test', reason: expect.stringContaining("an agent's address") },
            { email: 'gone@customer.test', reason: expect.stringContaining('a deleted contact') },
          ],
        },
      });
      await server.notices.kick();
      expect(mailTo('colleague@customer.example').map((r) => r.mail.text)).toEqual([expect.stringContaining('was opened')]);
      expect(mailTo('sender@customer.example')).toEqual([]);
    });

    it('R-BULK-12 a spam sender copies nobody in: no CCs, no notices', async () => {
      const res = await create('support', 'spammer@junk.test', ['victim@customer.example'], []);
      expect(res.body).toMatchObject({ spam: true, secondaryContactIds: [] });
      await server.notices.kick();
      expect(mailTo('victim@customer.example')).toEqual([]);
    });

    it('stops at 20', async () => {
      const many = Array.from({ length: 25 }, (_, i) => `many${i}@partner.example`);
      const res = await create('support', 'sender2@customer.example', many, []);
      const view = await api('GET', `/tickets/${res.body.id}/secondary-contacts`);
      expect(view.body.contacts).toHaveLength(20);
    });

    it('does nothing where the option is off', async () => {
      await api('PATCH', `/departments/${world.departments.support.id}/features`, { ccOptions: { autoAddRecipients: false } });
      try {
        const res = await create('support', 'sender3@customer.example', ['someone@customer.example'], []);
        expect(res.body.secondaryContactIds).toEqual([]);
      } finally {
        await api('PATCH', `/departments/${world.departments.support.id}/features`, { ccOptions: { autoAddRecipients: true } });
      }
    });
  });

  describe('R-CC-7 leaving a CC out of one reply', () => {
    it('the reply skips it and the ticket keeps it', async () => {
      const followers = [world.contacts.partners[7]!, world.contacts.partners[8]!];
      const { ticket } = await freshTicket('support', { secondaryContactIds: followers.map((c) => c.id) });
      const job = await api('POST', '/jobs', {
        operation: 'reply',
        departmentId: ticket.departmentId,
        ticketIds: [ticket.id],
        payload: { body: 'Just for you', omitAddresses: [followers[1]!.email!.toUpperCase()] },
      });
      expect(job.status, JSON.stringify(job.body)).toBe(202);
      await runJob(db, job.body.id, { mailers, delivery: { retryDelaysMs: [], publicUrl: TEST_PUBLIC_URL } });
      const sentTo = (await db.select().from(replyRecipients).where(eq(replyRecipients.ticketId, ticket.id))).map((r) => r.address);
      expect(sentTo.sort()).toEqual([followers[0]!.email, `customer${n}@customer.example`].sort());
      expect((await api('GET', `/tickets/${ticket.id}`)).body.secondaryContactIds).toEqual(followers.map((c) => c.id));
      // R-CC-5: the reply is the CC's notice, and leads to the ticket's help-center page.
      const [copy] = mailTo(followers[0]!.email!);
      expect(copy?.mail.text).toContain(`${TEST_PUBLIC_URL}/help/${world.departments.support.id}/tickets/${ticket.id}`);
      expect(copy?.mail.html).toContain(`<a href="${TEST_PUBLIC_URL}/help/${world.departments.support.id}/tickets/${ticket.id}">`);
      expect(mailTo(followers[1]!.email!)).toEqual([]);
    });
  });
});
