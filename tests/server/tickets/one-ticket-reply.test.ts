import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, replyRecipients, rolePermissions, threads, tickets } from '../../../server/db/schema';
import { runJob } from '../../../server/jobs/job-runner';
import { Mailers } from '../../../server/mail/mailers';
import { smtpMailer, type ReplyMailer } from '../../../server/mail/smtp-mailer';
import { adminApi, type AdminApi } from '../admin-api';
import { databaseKinds, type TestServer } from '../harness';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';

/** Issue 22, item 1: an agent replies to one ticket from the panel with ticket.send_email; bulk reply stays separate. */
describe.each(databaseKinds)('reply to one ticket (POST /tickets/:id/replies) on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let api: AdminApi;
  let peer: SmtpPeer;
  let mailer: ReplyMailer;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
    api = adminApi(server, world);
    peer = new SmtpPeer();
    await peer.start();
    mailer = smtpMailer(peer.url);
  });
  afterEach(() => {
    peer.received.length = 0;
  });
  afterAll(async () => {
    mailer.close();
    await peer.stop();
    await server.close();
  });

  const support = () => world.departments.support.id;
  const run = (jobId: number) => runJob(db, jobId, { mailers: new Mailers('smtp://unused.invalid', () => mailer) });
  const replyTo = (ticketId: number, token: string, body: Record<string, unknown>) => server.request('POST', `/api/v1/tickets/${ticketId}/replies`, { token, body });
  const preview = (ticketId: number, token: string, body: Record<string, unknown>) => server.request('POST', `/api/v1/tickets/${ticketId}/replies/preview`, { token, body });
  const bulkReply = (token: string, ticketId: number) =>
    server.request('POST', '/api/v1/jobs', { token, body: { operation: 'reply', departmentId: support(), ticketIds: [ticketId], payload: { body: 'Bulk hello' } } });

  /** An e-mail ticket in Support from a new customer, who wrote once (Message-ID given), with a secondary contact and a CC. */
  async function customerTicket() {
    const stamp = `${Date.now()}.${Math.random().toString(36).slice(2)}`;
    const [customer, partner] = await db
      .insert(contacts)
      .values([
        { email: `kim.${stamp}@customer.example`, name: 'Kim <Lee>' },
        { email: `partner.${stamp}@customer.example`, name: 'Partner' },
      ])
      .returning();
    const [ticket] = await db
      .insert(tickets)
      .values({
        departmentId: support(),
        channel: 'email',
        contactId: customer!.id,
        subject: 'Order missing',
        lastThreadChannel: 'email',
        secondaryContactIds: [partner!.id],
        ccAddresses: [`boss.${stamp}@customer.example`],
      })
      .returning();
    const messageId = `<first.${stamp}@customer.example>`;
    await db.insert(threads).values({
      ticketId: ticket!.id,
      direction: 'in',
      channel: 'email',
      from: customer!.email!,
      to: ['support@acme.test'],
      subject: 'Order missing',
      bodyText: 'Where is it?',
      messageId,
      references: ['<older@customer.example>'],
    });
    return { ticket: ticket!, customer: customer!.email!, partner: partner!.email!, cc: `boss.${stamp}@customer.example`, messageId };
  }

  it('R-PERM-2: the agent role (send_email, no bulk_reply) may reply to one ticket, but not bulk-reply to it', async () => {
    const { ticket } = await customerTicket();
    const bulk = await bulkReply(world.tokens.agent, ticket.id);
    expect(bulk.status).toBe(403);
    expect(bulk.body.error.message).toContain('ticket.bulk_reply');
    const one = await replyTo(ticket.id, world.tokens.agent, { body: 'Hello' });
    expect(one.status).toBe(202);
    expect(one.body).toMatchObject({ operation: 'reply', status: 'queued', counts: { total: 1 } });
    await server.request('DELETE', `/api/v1/jobs/${one.body.id}`, { token: world.tokens.agent });
  });

  it('R-PERM-4: ticket.bulk_reply without ticket.send_email is refused, the 403 naming send_email', async () => {
    const { ticket } = await customerTicket();
    const bulkOnly = await api.customIn(support(), 'Bulk only', ['ticket.view', 'ticket.edit'], 'bulk.only@acme.test');
    // The API refuses to grant it (R-PERM-4); a role stored that way before the rule existed still never sends.
    await db
      .update(rolePermissions)
      .set({ permissions: ['ticket.view', 'ticket.edit', 'ticket.bulk_reply'] })
      .where(eq(rolePermissions.roleId, bulkOnly.roleId));
    const bulk = await bulkReply(bulkOnly.token, ticket.id);
    expect(bulk.status).toBe(403);
    expect(bulk.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-4' });
    expect(bulk.body.error.message).toContain('A bulk reply needs ticket.send_email as well as ticket.bulk_reply in department Support');
    const one = await replyTo(ticket.id, bulkOnly.token, { body: 'Hello' });
    expect(one.status).toBe(403);
    expect(one.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
    expect(one.body.error.message).toContain('ticket.send_email in department Support');
  });

  it("R-PERM-2: no ticket.send_email in the ticket's department is a 403 naming ticket.send_email, in the preview too", async () => {
    const { ticket } = await customerTicket();
    const editor = await api.customIn(support(), 'Ticket editor', ['ticket.view', 'ticket.edit'], 'editor.one@acme.test');
    const res = await replyTo(ticket.id, editor.token, { body: 'Hello' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
    expect(res.body.error.message).toBe('You need the permission ticket.send_email in department Support (ask an admin to grant it to your role).');
    expect(res.body.error.message).not.toContain('bulk_reply');
    const seen = await preview(ticket.id, editor.token, { body: 'Hello' });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ violations: [{ rule: 'R-PERM-5', message: res.body.error.message }], sample: null });
    // A ticket of a department the agent does not work in: refused naming what is missing there.
    const elsewhere = await replyTo(world.tickets[2]!.id, world.tokens.agent, { body: 'Hello' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toContain('department Billing');
  });

  it('the preview is the mail exactly as the customer gets it: placeholders filled and escaped (R-REPLY-2), To the contact, CC the rest less omitted ones (R-REPLY-5, R-CC-7)', async () => {
    const { ticket, customer, partner, cc, messageId } = await customerTicket();
    const body = { subject: 'About #{{ticket.number}}', body: 'Dear {{contact.name}}, {{agent.name}} here about "{{ticket.subject}}".' };
    const full = await preview(ticket.id, world.tokens.agent, body);
    expect(full.status).toBe(200);
    expect(full.body.violations).toEqual([]);
    expect(full.body.sample).toMatchObject({ from: 'noreply@acme.test', to: [customer], cc: [partner, cc], subject: `About #${ticket.number}`, inReplyTo: messageId });
    expect(full.body.sample.text).toContain('Dear Kim <Lee>, 佐藤 美咲 here about "Order missing".');
    expect(full.body.sample.html).toContain('Dear Kim &lt;Lee&gt;');
    // The help-center link the customer's copy carries is in the preview too.
    expect(full.body.sample.text).toContain('http://help.test');
    const less = await preview(ticket.id, world.tokens.agent, { ...body, omitAddresses: [partner] });
    expect(less.body.sample).toMatchObject({ to: [customer], cc: [cc] });
    const unknown = await preview(ticket.id, world.tokens.agent, { body: 'Hi {{contact.nickname}}' });
    expect(unknown.body.violations).toMatchObject([{ rule: 'R-REPLY-2', message: expect.stringContaining('{{contact.nickname}}') }]);
    // Previewing records nothing.
    expect(await db.select().from(threads).where(eq(threads.ticketId, ticket.id))).toHaveLength(1);
  });

  it('the undo window: the reply waits queued, and cancelling it sends nothing', async () => {
    const { ticket } = await customerTicket();
    const queued = await replyTo(ticket.id, world.tokens.agent, { body: 'Never mind' });
    expect(queued.status).toBe(202);
    const undone = await server.request('DELETE', `/api/v1/jobs/${queued.body.id}`, { token: world.tokens.agent });
    expect(undone.status).toBe(200);
    expect(undone.body.status).toBe('cancelled');
    await run(queued.body.id);
    expect(peer.received).toHaveLength(0);
    expect(await db.select().from(replyRecipients).where(eq(replyRecipients.jobId, queued.body.id))).toHaveLength(0);
  });

  it('sent through a real SMTP peer: one copy per recipient less the omitted one (R-CC-7), threaded, delivery per recipient, the CC kept on the ticket', async () => {
    const { ticket, customer, partner, cc, messageId } = await customerTicket();
    const sent = await replyTo(ticket.id, world.tokens.agent, { body: 'Found it, {{contact.name}}.', omitAddresses: [cc] });
    expect(sent.status).toBe(202);
    await run(sent.body.id);
    expect(peer.received.map((r) => r.to).sort()).toEqual([[customer], [partner]].sort());
    const copy = peer.received.find((r) => r.to.includes(customer))!.mail;
    expect(copy.text).toContain('Found it, Kim <Lee>.');
    expect(copy.subject).toBe('Re: Order missing');
    expect(copy.inReplyTo).toBe(messageId);
    expect(copy.references).toEqual(['<older@customer.example>', messageId]);
    expect(copy.cc).toMatchObject({ value: [{ address: partner }] });

    const job = (await server.request('GET', `/api/v1/jobs/${sent.body.id}`, { token: world.tokens.agent })).body;
    expect(job).toMatchObject({ status: 'completed', counts: { total: 1, done: 1, failed: 0 }, delivery: { total: 2, counts: { sent: 2 }, problems: [] } });
    const [after] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(after!.ccAddresses).toEqual([cc]);
    expect(after!.firstResponseAt).not.toBeNull();
  });

  it('a refused recipient shows in the delivery with its address and answer', async () => {
    const { ticket, customer, partner } = await customerTicket();
    peer.refuse.add(partner);
    const sent = await replyTo(ticket.id, world.tokens.agent, { body: 'Hello' });
    await run(sent.body.id);
    peer.refuse.delete(partner);
    const job = (await server.request('GET', `/api/v1/jobs/${sent.body.id}`, { token: world.tokens.agent })).body;
    expect(job.delivery.counts).toEqual({ sent: 2, failed: 1 });
    expect(job.delivery.problems).toEqual([{ ticketId: ticket.id, address: partner, status: 'failed', response: expect.stringContaining('550') }]);
    expect(peer.received.some((r) => r.to.includes(customer))).toBe(true);
  });

  it('R-REPLY-4: an ineligible ticket is refused with the rule and its number', async () => {
    const chat = world.tickets[1]!;
    const res = await replyTo(chat.id, world.tokens.agent, { body: 'Hello' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-REPLY-4' });
    expect(res.body.error.message).toContain(`Ticket #${chat.number}`);
  });
});
