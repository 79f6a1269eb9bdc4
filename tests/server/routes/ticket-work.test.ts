import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, tickets, ticketWebmailThreads } from '../../../server/db/schema';
import { Mailers } from '../../../server/mail/mailers';
import { databaseKinds, type TestServer } from '../harness';
import { Browser } from '../help-center/browser';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';

/** Issue 22, items 3, 4, 5 and 7: what an agent does to one ticket from the panel, through the API. */
describe.each(databaseKinds)('working one ticket on %s', (kind) => {
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
  const mailTo = (address: string) => peer.received.filter((r) => r.to.includes(address));

  async function freshTicket(
    department: keyof World['departments'] = 'support',
    values: Partial<typeof tickets.$inferInsert> = {},
    contact: Partial<typeof contacts.$inferInsert> = {},
  ) {
    n += 1;
    const [customer] = await db
      .insert(contacts)
      .values({ email: `work${n}@customer.example`, name: `Customer ${n}`, ...contact })
      .returning();
    const [ticket] = await db
      .insert(tickets)
      .values({ departmentId: world.departments[department].id, channel: 'email', contactId: customer!.id, subject: `Question ${n}`, lastThreadChannel: 'email', ...values })
      .returning();
    return { ticket: ticket!, customer: customer! };
  }

  describe('item 3: notes and public comments', () => {
    it('a note is private unless the agent says public, and nobody outside the team hears of it', async () => {
      const { ticket } = await freshTicket('support', { secondaryContactIds: [world.contacts.partners[10]!.id] });
      const note = await api('POST', `/tickets/${ticket.id}/comments`, { body: 'Customer called, is upset' }, world.tokens.agent);
      expect(note.status, JSON.stringify(note.body)).toBe(201);
      expect(note.body).toMatchObject({ visibility: 'private', authorAgentId: world.agents.agent.id });
      await server.notices.kick();
      expect(mailTo(world.contacts.partners[10]!.email!)).toEqual([]);
    });

    it('R-CC-5 a public comment reaches the secondary contacts, its edit and deletion too', async () => {
      const partner = world.contacts.partners[11]!;
      const { ticket } = await freshTicket('support', { secondaryContactIds: [partner.id] });
      const comment = await api('POST', `/tickets/${ticket.id}/comments`, { visibility: 'public', body: 'A fix ships Friday.' }, world.tokens.agent);
      expect((await api('PATCH', `/tickets/${ticket.id}/comments/${comment.body.id}`, { body: 'A fix ships Monday.' }, world.tokens.agent)).status).toBe(200);
      expect((await api('DELETE', `/tickets/${ticket.id}/comments/${comment.body.id}`, undefined, world.tokens.agent)).status).toBe(200);
      await server.notices.kick();
      const texts = mailTo(partner.email!).map((r) => r.mail.text ?? '');
      expect(texts).toEqual([expect.stringContaining('> A fix ships Friday.'), expect.stringContaining('> A fix ships Monday.'), expect.stringContaining('was deleted')]);
    });

    it("the customer's help center shows the public comment and never the note", async () => {
      const { ticket, customer } = await freshTicket();
      await api('POST', `/tickets/${ticket.id}/comments`, { body: 'INTERNAL: refund needs approval' }, world.tokens.agent);
      await api('POST', `/tickets/${ticket.id}/comments`, { visibility: 'public', body: 'Your refund is on its way.' }, world.tokens.agent);
      const browser = new Browser(server);
      expect((await browser.signIn(ticket.departmentId, customer.email!)).status).toBe(303);
      const page = await browser.get(`/help/${ticket.departmentId}/tickets/${ticket.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Your refund is on its way.');
      expect(page.text).not.toContain('INTERNAL');
    });

    it('only the author or an admin of the department edits or deletes a comment', async () => {
      const { ticket } = await freshTicket();
      const comment = await api('POST', `/tickets/${ticket.id}/comments`, { body: 'Mine' }, world.tokens.agent);
      const byLead = await api('PATCH', `/tickets/${ticket.id}/comments/${comment.body.id}`, { body: 'Not yours' }, world.tokens.lead);
      expect(byLead.status).toBe(403);
      expect(byLead.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Only the author') });
      expect((await api('DELETE', `/tickets/${ticket.id}/comments/${comment.body.id}`, undefined, world.tokens.lead)).status).toBe(403);
      const byAuthor = await api('PATCH', `/tickets/${ticket.id}/comments/${comment.body.id}`, { body: 'Mine, edited' }, world.tokens.agent);
      expect(byAuthor.body).toMatchObject({ body: 'Mine, edited', editedAt: expect.any(String) });
      expect((await api('DELETE', `/tickets/${ticket.id}/comments/${comment.body.id}`, undefined, world.tokens.admin)).status).toBe(200);
      const timeline = await api('GET', `/tickets/${ticket.id}/timeline`);
      expect(timeline.body.comments).toEqual([]);
    });

    it('@name e-mails the mentioned agent a link to the ticket; an edit mails only who it newly names', async () => {
      const { ticket } = await freshTicket();
      await db.insert(ticketWebmailThreads).values({ ticketId: ticket.id, provider: 'gmail', mailbox: 'support@acme.test', threadId: '18be3dcdd8224f79' });
      const note = await api('POST', `/tickets/${ticket.id}/comments`, { body: '@lee can you approve the refund? Mail me at x@acme.test' }, world.tokens.agent);
      expect(note.status).toBe(201);
      await server.notices.kick();
      const [mail, ...more] = mailTo('lead@acme.test');
      expect(more).toEqual([]);
      expect(mail?.mail.subject).toBe(`[#${ticket.number}] 佐藤 美咲 mentioned you: ${ticket.subject}`);
      expect(mail?.mail.text).toContain('> @lee can you approve the refund?');
      expect(mail?.mail.text).toContain('https://mail.google.com/mail/u/support@acme.test/#all/18be3dcdd8224f79');
      expect(mailTo('x@acme.test')).toEqual([]);

      peer.received.length = 0;
      await api('PATCH', `/tickets/${ticket.id}/comments/${note.body.id}`, { body: '@lee can you approve the refund? @ada for the record' }, world.tokens.agent);
      await server.notices.kick();
      expect(mailTo('lead@acme.test')).toEqual([]);
      expect(mailTo('admin@acme.test').map((r) => r.mail.subject)).toEqual([`[#${ticket.number}] 佐藤 美咲 mentioned you: ${ticket.subject}`]);
    });

    it('mentions by a name without spaces, never the author, never an agent who cannot open the ticket', async () => {
      const { ticket } = await freshTicket();
      await api('POST', `/tickets/${ticket.id}/comments`, { body: '@佐藤美咲 and @AdaAdmin, also @vic and @lee (me)' }, world.tokens.lead);
      await server.notices.kick();
      expect(mailTo('agent@acme.test')).toHaveLength(1);
      expect(mailTo('admin@acme.test')[0]?.mail.text).toContain(`Find ticket #${ticket.number} in the Inbox Desk popup`);
      // Vic views Billing only; Lee wrote it.
      expect(mailTo('viewer@acme.test')).toEqual([]);
      expect(mailTo('lead@acme.test')).toEqual([]);
    });
  });

  describe('item 4: the contact', () => {
    it("R-REPLY-3 fixes a contact's name, address and account; a contact without an address gets one", async () => {
      const { ticket, customer } = await freshTicket('support', {}, { email: null, name: '', anonymous: true });
      const before = await api('POST', '/jobs/preview', {
        operation: 'reply',
        departmentId: ticket.departmentId,
        ticketIds: [ticket.id],
        payload: { subject: 'Hi', body: 'Hello' },
      });
      expect(before.body.tickets[0]).toMatchObject({ ok: false, reason: expect.stringContaining('R-REPLY-3') });
      const res = await api('PATCH', `/contacts/${customer.id}`, { name: 'Mika Customer', email: 'Mika@Customer.example', account: 'Mika KK' }, world.tokens.agent);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ id: customer.id, name: 'Mika Customer', email: 'mika@customer.example', account: 'Mika KK', anonymous: false });
      const preview = () =>
        api('POST', '/jobs/preview', { operation: 'reply', departmentId: ticket.departmentId, ticketIds: [ticket.id], payload: { subject: 'Hi', body: 'Hello' } });
      expect((await preview()).body.tickets).toEqual([{ ticketId: ticket.id, ok: true, reason: null }]);
    });

    it('an address another contact uses is refused naming that contact, which the ticket can take instead', async () => {
      const { ticket, customer } = await freshTicket();
      const taken = await api('PATCH', `/contacts/${customer.id}`, { email: 'BOB@customer.test' }, world.tokens.agent);
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({
        code: 'CONFLICT',
        message: 'The address bob@customer.test already belongs to the contact "Bob Customer". Use that contact for the ticket instead, or choose another address.',
        details: { contactId: world.contacts.bob.id, contact: { email: 'bob@customer.test', name: 'Bob Customer' } },
      });
      const switched = await api('PATCH', `/tickets/${ticket.id}`, { version: ticket.version, contactId: world.contacts.bob.id }, world.tokens.agent);
      expect(switched.status, JSON.stringify(switched.body)).toBe(200);
      expect(switched.body.contactId).toBe(world.contacts.bob.id);
      expect((await api('GET', `/contacts/${customer.id}`)).body.email).toBe(customer.email);
    });

    it('giving a ticket a deleted contact is refused; the new contact stops being one of its CCs', async () => {
      const partner = world.contacts.partners[12]!;
      const { ticket } = await freshTicket('support', { secondaryContactIds: [partner.id] });
      const gone = await api('PATCH', `/tickets/${ticket.id}`, { version: ticket.version, contactId: world.contacts.deleted.id });
      expect(gone.status).toBe(409);
      expect(gone.body.error.message).toContain(`ticket #${ticket.number} cannot be given to them`);
      const res = await api('PATCH', `/tickets/${ticket.id}`, { version: ticket.version, contactId: partner.id });
      expect(res.body).toMatchObject({ contactId: partner.id, secondaryContactIds: [] });
    });

    it('R-PERM-5 needs ticket.edit where the contact has tickets; a deleted contact is not edited', async () => {
      const { customer } = await freshTicket('billing');
      const byAgent = await api('PATCH', `/contacts/${customer.id}`, { name: 'X' }, world.tokens.agent);
      expect(byAgent.status).toBe(403);
      expect(byAgent.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: expect.stringContaining('ticket.edit') });
      expect((await api('PATCH', `/contacts/${customer.id}`, { name: 'X' }, world.tokens.viewer)).status).toBe(403);
      expect((await api('PATCH', `/contacts/${customer.id}`, { name: 'Billing customer' }, world.tokens.lead)).status).toBe(200);
      const deleted = await api('PATCH', `/contacts/${world.contacts.deleted.id}`, { name: 'Back' });
      expect(deleted.status).toBe(409);
      expect((await api('PATCH', `/contacts/${customer.id}`, {})).status).toBe(400);
    });
  });

  describe('item 5: R-BULK-12 spam both ways', () => {
    const spamView = () => api('GET', `/tickets?viewId=${world.views.billingSpam.id}&limit=200`, undefined, world.tokens.lead);
    const inSpam = async (id: number) => (await spamView()).body.items.some((t: { id: number }) => t.id === id);

    it('marks one ticket spam (it moves to the spam view) and not spam (it comes back)', async () => {
      const { ticket } = await freshTicket('billing');
      const marked = await api('PATCH', `/tickets/${ticket.id}`, { version: ticket.version, spam: true }, world.tokens.lead);
      expect(marked.status, JSON.stringify(marked.body)).toBe(200);
      expect(marked.body.spam).toBe(true);
      expect(await inSpam(ticket.id)).toBe(true);
      const back = await api('PATCH', `/tickets/${ticket.id}`, { version: marked.body.version, spam: false }, world.tokens.lead);
      expect(back.body.spam).toBe(false);
      expect(await inSpam(ticket.id)).toBe(false);
      const history = await api('GET', `/tickets/${ticket.id}/history`);
      expect(history.body.items.map((h: { changes: { spam?: unknown } }) => h.changes.spam).filter(Boolean)).toEqual([
        { from: false, to: true },
        { from: true, to: false },
      ]);
    });

    it('a sender marked spam makes later tickets arrive as spam, leaves existing ones; not spam ends it', async () => {
      const { ticket, customer } = await freshTicket('billing');
      const create = () =>
        api('POST', '/tickets', { departmentId: world.departments.billing.id, channel: 'email', subject: 'Again', contact: { email: customer.email! } }, world.tokens.lead);
      const marked = await api('PATCH', `/contacts/${customer.id}`, { spam: true }, world.tokens.lead);
      expect(marked.body.spam).toBe(true);
      expect((await api('GET', `/tickets/${ticket.id}`)).body.spam).toBe(false);
      const later = await create();
      expect(later.body.spam).toBe(true);
      expect(await inSpam(later.body.id)).toBe(true);
      expect((await api('PATCH', `/contacts/${customer.id}`, { spam: false }, world.tokens.lead)).body.spam).toBe(false);
      expect((await create()).body.spam).toBe(false);
      expect((await api('GET', `/tickets/${later.body.id}`)).body.spam).toBe(true);
    });

    it('R-PERM-5 marking spam needs ticket.edit', async () => {
      const { ticket, customer } = await freshTicket('billing');
      expect((await api('PATCH', `/tickets/${ticket.id}`, { version: ticket.version, spam: true }, world.tokens.viewer)).status).toBe(403);
      expect((await api('PATCH', `/contacts/${customer.id}`, { spam: true }, world.tokens.viewer)).status).toBe(403);
    });
  });

  describe('item 7: R-BULK-11 restore from the trash', () => {
    it('restores a trashed ticket with ticket.delete, which then takes notes again; without it 403', async () => {
      const { ticket } = await freshTicket('support', { trashedAt: new Date(Date.now() - 3 * 24 * 3600_000) });
      const noNote = await api('POST', `/tickets/${ticket.id}/comments`, { body: 'hello' });
      expect(noNote.status).toBe(409);
      expect(noNote.body.error.message).toBe(`Ticket #${ticket.number} is in the trash; restore it before commenting.`);
      const refused = await api('POST', `/trash/${ticket.id}/restore`, undefined, world.tokens.agent);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('ticket.delete');
      const restored = await api('POST', `/trash/${ticket.id}/restore`, undefined, world.tokens.lead);
      expect(restored.status).toBe(200);
      expect(restored.body.trashedAt).toBeNull();
      expect((await api('POST', `/tickets/${ticket.id}/comments`, { body: 'back' })).status).toBe(201);
    });

    it("the trash lists the agent's departments' tickets with their purge date; restoring twice says there is nothing to restore", async () => {
      const trashedAt = new Date(Date.now() - 10 * 24 * 3600_000);
      const { ticket: mine } = await freshTicket('support', { trashedAt });
      const { ticket: billing } = await freshTicket('billing', { trashedAt });
      const listed = await api('GET', '/trash?limit=100', undefined, world.tokens.agent);
      const ids = listed.body.items.map((i: { ticket: { id: number } }) => i.ticket.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(billing.id);
      const item = listed.body.items.find((i: { ticket: { id: number } }) => i.ticket.id === mine.id);
      expect(item.purgeAt).toBe(new Date(trashedAt.getTime() + 60 * 24 * 3600_000).toISOString());
      expect((await api('POST', `/trash/${mine.id}/restore`, undefined, world.tokens.lead)).status).toBe(200);
      const again = await api('POST', `/trash/${mine.id}/restore`, undefined, world.tokens.lead);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe(`Ticket #${mine.number} is not in the trash; there is nothing to restore.`);
    });
  });
});
