import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import * as t from '../../../server/db/schema';
import { ingestMessage } from '../../../server/mail/ingest/ingest-message';
import { Mailers } from '../../../server/mail/mailers';
import { databaseKinds, type TestServer } from '../harness';
import { composeMail } from '../mail/ingest/ingest-fixture';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';
import type { MailboxRow } from '../../../server/db/rows';

/** Issue 20 item 8: R-CC-6 on every incoming e-mail, R-CC-5 on every path that adds a secondary contact. */
describe.each(databaseKinds)('CC rules on every path, on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let peer: SmtpPeer;
  let mailers: Mailers;
  let mailbox: MailboxRow;
  let uid = 0;
  let n = 0;

  beforeAll(async () => {
    peer = new SmtpPeer();
    await peer.start();
    mailers = new Mailers(peer.url);
    ({ server, world } = await startWorld(kind, { jobs: 'hold', mailers }));
    db = server.database.db;
    const [row] = await db
      .insert(t.mailboxes)
      .values({ departmentId: world.departments.support.id, host: 'imap.acme.test', port: 993, secure: true, username: 'support@acme.test', secret: 'x', uidValidity: 1 })
      .returning();
    mailbox = row!;
  });
  afterEach(() => {
    peer.received.length = 0;
  });
  afterAll(async () => {
    await server.close();
    mailers.close();
    await peer.stop();
  });

  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1${path}`, { token: world.tokens.admin, ...(body === undefined ? {} : { body }) });
  const mailTo = (address: string) => peer.received.filter((r) => r.to.includes(address));
  const ticketOf = async (id: number) => (await db.select().from(t.tickets).where(eq(t.tickets.id, id)))[0]!;
  const emailsOf = async (ids: number[]) => (await Promise.all(ids.map(async (id) => (await db.select().from(t.contacts).where(eq(t.contacts.id, id)))[0]!.email))).sort();
  const history = (ticketId: number) =>
    db
      .select()
      .from(t.ticketHistory)
      .where(and(eq(t.ticketHistory.ticketId, ticketId), eq(t.ticketHistory.action, 'secondary_contacts')));

  /** A customer's first mail to support, as ingestion makes it a ticket; answers the ticket and its Message-ID. */
  async function firstMail(cc: string[] = []) {
    n += 1;
    const customer = `writer${n}@customer.example`;
    const messageId = `<first-${n}-${kind}@customer.example>`;
    const raw = await composeMail({ from: `Writer ${n} <${customer}>`, to: 'support@acme.test', cc, subject: `Printer jam ${n}`, text: 'It jams.', messageId });
    const result = await ingestMessage(db, mailbox, { uid: ++uid, source: Buffer.from(raw) });
    expect(result.outcome).toBe('ticket');
    return { ticketId: (result as { ticketId: number }).ticketId, customer, messageId };
  }

  /** A later message in the same conversation (In-Reply-To the first), from whoever answers it. */
  async function laterMail(first: { messageId: string }, from: string, to: string[], cc: string[]) {
    const raw = await composeMail({ from, to, cc, subject: 'Re: Printer jam', text: 'More.', inReplyTo: first.messageId, references: [first.messageId] });
    return ingestMessage(db, mailbox, { uid: ++uid, source: Buffer.from(raw) });
  }

  describe('R-CC-6 a later incoming e-mail', () => {
    it('makes its new To/CC recipients secondary contacts, who hear of it; the customer, support and R-CC-3 addresses are not added', async () => {
      const first = await firstMail(['first-cc@partner.example']);
      await server.notices.kick();
      peer.received.length = 0;
      const result = await laterMail(
        first,
        first.customer,
        ['support@acme.test'],
        [first.customer, 'Boss@Partner.example', 'agent@acme.test', 'first-cc@partner.example', 'billing@acme.test'],
      );
      expect(result).toMatchObject({ outcome: 'thread', ticketId: first.ticketId });
      const ticket = await ticketOf(first.ticketId);
      expect(await emailsOf(ticket.secondaryContactIds)).toEqual(['boss@partner.example', 'first-cc@partner.example']);
      const [entry] = await history(first.ticketId);
      expect(entry).toMatchObject({ agentId: null });
      expect(entry!.changes).toMatchObject({
        autoCc: {
          threadId: (result as { threadId: number }).threadId,
          added: ['boss@partner.example'],
          skipped: [
            { email: 'agent@acme.test', reason: expect.stringContaining("R-CC-3: an agent's address") },
            { email: 'billing@acme.test', reason: expect.stringContaining('a support address of department Billing') },
          ],
        },
      });
      await server.notices.kick();
      expect(mailTo('boss@partner.example').map((r) => r.mail.text)).toEqual([expect.stringContaining('You now follow this ticket')]);
      expect(mailTo('first-cc@partner.example')).toEqual([]);
      expect(mailTo(first.customer)).toEqual([]);
    });

    it('a reply-all from a secondary contact adds the new people it copies, never the ticket’s customer', async () => {
      const first = await firstMail(['colleague@partner.example']);
      await laterMail(first, 'Colleague <colleague@partner.example>', ['support@acme.test', first.customer], ['newcomer@partner.example']);
      expect(await emailsOf((await ticketOf(first.ticketId)).secondaryContactIds)).toEqual(['colleague@partner.example', 'newcomer@partner.example']);
    });

    it('R-CC-2 fills up to 20 and names the rest in the history', async () => {
      const first = await firstMail(Array.from({ length: 18 }, (_, i) => `early${n + 1}-${i}@partner.example`));
      expect((await ticketOf(first.ticketId)).secondaryContactIds).toHaveLength(18);
      const late = Array.from({ length: 5 }, (_, i) => `late${n}-${i}@partner.example`);
      await laterMail(first, first.customer, ['support@acme.test'], late);
      const ticket = await ticketOf(first.ticketId);
      expect(ticket.secondaryContactIds).toHaveLength(20);
      const [entry] = await history(first.ticketId);
      expect(entry!.changes).toMatchObject({
        autoCc: {
          added: late.slice(0, 2),
          skipped: late.slice(2).map((email) => ({ email, reason: expect.stringMatching(/^R-CC-2: the ticket already has 20/) })),
        },
      });
    });

    it('R-BULK-12 a later mail from a spam contact copies nobody in', async () => {
      const first = await firstMail();
      await laterMail(first, 'spammer@junk.test', ['support@acme.test', first.customer], ['victim@partner.example']);
      expect((await ticketOf(first.ticketId)).secondaryContactIds).toEqual([]);
      await server.notices.kick();
      expect(mailTo('victim@partner.example')).toEqual([]);
    });

    it('adds nobody where the department has the option off', async () => {
      const first = await firstMail();
      const [support] = await db.select().from(t.departments).where(eq(t.departments.id, world.departments.support.id));
      const features = support!.features;
      await db
        .update(t.departments)
        .set({ features: { ...features, ccOptions: { ...features.ccOptions, autoAddRecipients: false } } })
        .where(eq(t.departments.id, support!.id));
      try {
        await laterMail(first, first.customer, ['support@acme.test'], ['someone@partner.example']);
        expect((await ticketOf(first.ticketId)).secondaryContactIds).toEqual([]);
        expect(await history(first.ticketId)).toEqual([]);
      } finally {
        await db.update(t.departments).set({ features }).where(eq(t.departments.id, support!.id));
      }
    });
  });

  describe('R-CC-5 every path that adds a secondary contact sends the notice', () => {
    async function plainTicket(values: Partial<typeof t.tickets.$inferInsert> = {}) {
      const [row] = await db
        .insert(t.tickets)
        .values({
          departmentId: world.departments.support.id,
          channel: 'email',
          contactId: world.contacts.alice.id,
          subject: `Plain ${++n}`,
          lastThreadChannel: 'email',
          ...values,
        })
        .returning();
      return row!;
    }

    it('PATCH /tickets/:id: the contacts and CC addresses it adds hear of it, those already there do not', async () => {
      const [kept, added] = [world.contacts.partners[10]!, world.contacts.partners[11]!];
      const ticket = await plainTicket({ secondaryContactIds: [kept.id], ccAddresses: ['old-copy@partner.example'] });
      const res = await api('PATCH', `/tickets/${ticket.id}`, {
        version: ticket.version,
        secondaryContactIds: [kept.id, added.id],
        ccAddresses: ['old-copy@partner.example', 'new-copy@partner.example'],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await server.notices.kick();
      for (const address of [added.email!, 'new-copy@partner.example']) {
        expect(mailTo(address).map((r) => [r.mail.subject, r.mail.text])).toEqual([
          [`[#${ticket.number}] ${ticket.subject}`, expect.stringContaining('You now follow this ticket')],
        ]);
      }
      expect(mailTo(kept.email!)).toEqual([]);
      expect(mailTo('old-copy@partner.example')).toEqual([]);
    });

    it('PATCH /tickets/:id R-CC-3 refuses an agent’s address, in either list', async () => {
      const ticket = await plainTicket();
      const res = await api('PATCH', `/tickets/${ticket.id}`, { version: ticket.version, ccAddresses: ['Lead@Acme.test'] });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ rule: 'R-CC-3', message: expect.stringContaining("an agent's address") });
      await server.notices.kick();
      expect(mailTo('Lead@Acme.test')).toEqual([]);
    });

    it('merge: a secondary contact brought to the primary hears of it, with the primary’s number', async () => {
      const follower = world.contacts.partners[12]!;
      const primary = await plainTicket();
      const other = await plainTicket({ secondaryContactIds: [follower.id] });
      const versions = [primary, other].map((r) => ({ id: r.id, version: r.version }));
      const res = await api('POST', '/merge', { tickets: versions, primaryId: primary.id, fieldChoices: { secondaryContactIds: other.id, subject: primary.id } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.ticket.secondaryContactIds).toEqual([follower.id]);
      await server.notices.kick();
      expect(mailTo(follower.email!).map((r) => r.mail.subject)).toEqual([`[#${primary.number}] ${primary.subject}`]);
    });
  });
});
