import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/client';
import { contacts, jobs, outgoingMail, replyRecipients, threads, tickets } from '../../../../server/db/schema';
import { runJob } from '../../../../server/jobs/job-runner';
import { Mailers } from '../../../../server/mail/mailers';
import { NoticeQueue } from '../../../../server/mail/notice-queue';
import { databaseKinds, TEST_PUBLIC_URL, type TestServer } from '../../harness';
import { SmtpPeer } from '../smtp-peer';
import { startWorld, type World } from '../../world';

/**
 * Issue 21 item 2: mail the queue gave up on is listed for the department's admins, who resend a
 * failed one, and an uncertain one only after confirming the customer may already have it.
 */
describe.each(databaseKinds)('the dead-letter list on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let peer: SmtpPeer;
  let mailers: Mailers;
  let n = 0;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
    peer = new SmtpPeer();
    await peer.start();
    mailers = new Mailers(peer.url);
  });
  afterEach(() => {
    peer.received.length = 0;
    peer.refuse.clear();
  });
  afterAll(async () => {
    mailers.close();
    await peer.stop();
    await server.close();
  });

  const api = (method: string, path: string, body?: unknown, token = world.tokens.admin) =>
    server.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  const support = () => world.departments.support.id;
  const listed = async (departmentId = support()) => {
    const res = await api('GET', `/departments/${departmentId}/undelivered-mail`);
    expect(res.status).toBe(200);
    return res.body.items as { source: string; id: number; kind: string; status: string; to: string[]; response: string; attempts: number }[];
  };
  const send = async () => {
    const queue = new NoticeQueue(db, mailers, TEST_PUBLIC_URL, { retryDelaysMs: [] });
    await queue.kick();
    await queue.stop();
  };

  /** A support ticket that a new secondary contact follows: its CC notice is recorded. */
  async function ccNotice() {
    n += 1;
    const [customer] = await db
      .insert(contacts)
      .values({ email: `dead${n}@customer.example`, name: `Dead ${n}` })
      .returning();
    const [ticket] = await db
      .insert(tickets)
      .values({ departmentId: support(), channel: 'email', contactId: customer!.id, subject: `Letter ${n}`, lastThreadChannel: 'email' })
      .returning();
    const cc = `letter${n}@partner.test`;
    expect((await api('PUT', `/tickets/${ticket!.id}/secondary-contacts`, { version: ticket!.version, contacts: [{ email: cc }] })).status).toBe(200);
    return { cc, ticket: ticket! };
  }

  it('lists a refused CC notice for its department, resends it once, and no longer lists it', async () => {
    const { cc } = await ccNotice();
    peer.refuse.add(cc);
    await send();
    const [item] = (await listed()).filter((i) => i.to[0] === cc);
    expect(item).toMatchObject({ source: 'outgoing', kind: 'cc_notice', status: 'failed', attempts: 1 });
    expect(item!.response).toMatch(/mailbox unavailable/);
    expect(
      (await listed(world.departments.billing.id)).some((i) => i.to[0] === cc),
      'another department does not list it',
    ).toBe(false);
    expect((await api('GET', `/departments/${support()}/undelivered-mail`, undefined, world.tokens.lead)).status).toBe(403);
    expect((await api('POST', `/mail/outgoing/${item!.id}/resend`, {}, world.tokens.lead)).status).toBe(403);

    peer.refuse.clear();
    const resent = await api('POST', `/mail/outgoing/${item!.id}/resend`, {});
    expect(resent).toMatchObject({ status: 200, body: { source: 'outgoing', id: item!.id, status: 'queued' } });
    await send();
    expect(peer.received.filter((r) => r.to.includes(cc))).toHaveLength(1);
    expect((await listed()).some((i) => i.id === item!.id && i.source === 'outgoing')).toBe(false);
    expect((await api('POST', `/mail/outgoing/${item!.id}/resend`, {})).status, 'a sent message is never resent').toBe(409);
  });

  it('resends an uncertain notice only after the admin confirms the customer may already have it', async () => {
    const { cc } = await ccNotice();
    peer.dropAfterData.add(cc);
    await send();
    const [item] = (await listed()).filter((i) => i.to[0] === cc);
    expect(item).toMatchObject({ status: 'uncertain' });
    const unconfirmed = await api('POST', `/mail/outgoing/${item!.id}/resend`, {});
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.message).toMatch(/may already have it.*confirmUncertain/);
    await send();
    expect(
      peer.received.filter((r) => r.to.includes(cc)),
      'the drop delivered it once, nothing more',
    ).toHaveLength(1);
    expect((await api('POST', `/mail/outgoing/${item!.id}/resend`, { confirmUncertain: true })).status).toBe(200);
    await send();
    expect(peer.received.filter((r) => r.to.includes(cc))).toHaveLength(2);
  });

  it("lists a bulk reply's refused recipient and resends that one recipient through its job", async () => {
    const { ticket } = await ccNotice();
    await db
      .insert(threads)
      .values({ ticketId: ticket.id, direction: 'in', channel: 'email', from: `dead${n}@customer.example`, subject: ticket.subject, messageId: `<dl${n}@customer.example>` });
    const job = await api('POST', '/jobs', { operation: 'reply', departmentId: support(), ticketIds: [ticket.id], payload: { body: 'Hi' } });
    expect(job.status).toBe(202);
    const customer = `dead${n}@customer.example`;
    peer.refuse.add(customer);
    await runJob(db, job.body.id, { mailers, delivery: { retryDelaysMs: [] } });
    const [item] = (await listed()).filter((i) => i.source === 'reply' && i.to[0] === customer);
    expect(item).toMatchObject({ kind: 'reply', status: 'failed' });
    expect((await api('POST', `/mail/reply-recipients/${item!.id}/resend`, {}, world.tokens.lead)).status).toBe(403);

    peer.refuse.clear();
    const before = peer.received.length;
    expect((await api('POST', `/mail/reply-recipients/${item!.id}/resend`, {})).status).toBe(200);
    expect((await db.select().from(jobs).where(eq(jobs.id, job.body.id)))[0]!.status).toBe('queued');
    await runJob(db, job.body.id, { mailers, delivery: { retryDelaysMs: [] } });
    const after = peer.received.slice(before);
    expect(after.map((r) => r.to[0])).toEqual([customer]);
    expect((await db.select().from(replyRecipients).where(eq(replyRecipients.id, item!.id)))[0]!.status).toBe('sent');
    expect((await api('POST', `/mail/reply-recipients/${item!.id}/resend`, {})).status).toBe(409);
  });

  it('does not resend a sign-in link past its 15 minutes: it could not sign anyone in', async () => {
    const [link] = await db
      .insert(outgoingMail)
      .values({
        to: ['late@customer.example'],
        subject: 'Your sign-in link',
        bodyText: 'link',
        kind: 'sign_in_link',
        departmentId: support(),
        status: 'failed',
        createdAt: sql`now() - interval '16 minutes'`,
      })
      .returning();
    const res = await api('POST', `/mail/outgoing/${link!.id}/resend`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/expired.*ask for a new one/);
    const listedLink = (await listed()).find((i) => i.id === link!.id && i.source === 'outgoing');
    expect(listedLink, 'listed, without its body (the token)').toBeDefined();
    expect(listedLink).not.toHaveProperty('text');
  });

  it('answers 404 for a message that does not exist', async () => {
    expect((await api('POST', '/mail/outgoing/999999/resend', {})).status).toBe(404);
    expect((await api('POST', '/mail/reply-recipients/999999/resend', {})).status).toBe(404);
  });
});
