import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, replyRecipients, threads, tickets } from '../../../server/db/schema';
import { runJob } from '../../../server/jobs/job-runner';
import { Mailers } from '../../../server/mail/mailers';
import { NoticeQueue } from '../../../server/mail/notice-queue';
import { databaseKinds, TEST_PUBLIC_URL, type TestServer } from '../harness';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(25);
  }
};

/** An e-mail ticket of a new customer, answering their message; returns the customer's address. */
async function emailTicket(db: Db, world: World) {
  const email = `retry.${Date.now()}.${Math.random().toString(36).slice(2)}@customer.example`;
  const [contact] = await db.insert(contacts).values({ email, name: 'Customer' }).returning();
  const [ticket] = await db
    .insert(tickets)
    .values({ departmentId: world.departments.support.id, channel: 'email', contactId: contact!.id, subject: 'Order', lastThreadChannel: 'email' })
    .returning();
  await db.insert(threads).values({ ticketId: ticket!.id, direction: 'in', channel: 'email', from: email, subject: 'Order', messageId: `<${ticket!.id}.retry@customer.example>` });
  return { ticket: ticket!, email };
}

/**
 * Issue 21 item 2: a bulk reply's recipients retry through the one mail queue (NoticeQueue), with
 * the backoff kept in reply_recipients, instead of in the job. Against a real SMTP peer.
 */
describe.each(databaseKinds)('bulk replies in the one mail retry queue on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let peer: SmtpPeer;
  let mailers: Mailers;
  const queues: NoticeQueue[] = [];

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
    peer = new SmtpPeer();
    await peer.start();
    mailers = new Mailers(peer.url);
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    peer.received.length = 0;
    peer.refuse.clear();
  });
  afterAll(async () => {
    mailers.close();
    await peer.stop();
    await server.close();
  });

  const queue = (retryDelaysMs: number[]) => {
    const made = new NoticeQueue(db, mailers, TEST_PUBLIC_URL, { retryDelaysMs });
    queues.push(made);
    return made;
  };
  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1${path}`, { token: world.tokens.admin, ...(body === undefined ? {} : { body }) });
  async function bulkReply(ticketId: number): Promise<number> {
    const res = await api('POST', '/jobs', { operation: 'reply', departmentId: world.departments.support.id, ticketIds: [ticketId], payload: { body: 'Your order shipped.' } });
    expect(res.status).toBe(202);
    return res.body.id;
  }
  const run = (jobId: number, retryDelaysMs: number[]) => runJob(db, jobId, { mailers, delivery: { retryDelaysMs } });
  const recipientOf = async (jobId: number) => (await db.select().from(replyRecipients).where(eq(replyRecipients.jobId, jobId)))[0]!;
  const copiesFor = (address: string) => peer.received.filter((r) => r.to.includes(address)).length;
  const jobOf = async (jobId: number) => (await api('GET', `/jobs/${jobId}`)).body;
  const deadLetters = async () =>
    (await api('GET', `/departments/${world.departments.support.id}/undelivered-mail`)).body.items as { source: string; id: number; status: string; to: string[] }[];

  it('a temporary refusal at RCPT: the job finishes with the recipient retrying, the queue delivers it once', async () => {
    const { ticket, email } = await emailTicket(db, world);
    peer.deferAtRcpt.add(email);
    const jobId = await bulkReply(ticket.id);
    await run(jobId, [1_500, 1_500]);
    expect(copiesFor(email)).toBe(0);
    expect(await recipientOf(jobId)).toMatchObject({
      status: 'retrying',
      attempts: 1,
      smtpResponse: expect.stringMatching(/^Attempt 1 of 3 not delivered, tried again later: .*451/),
    });
    expect(await jobOf(jobId)).toMatchObject({
      status: 'completed',
      delivery: { total: 1, counts: { retrying: 1 }, problems: [{ address: email, status: 'retrying' }] },
    });

    const mail = queue([1_500, 1_500]);
    await mail.kick();
    expect(copiesFor(email), 'not before its backoff').toBe(0);
    // No kick: the queue wakes itself for the retry due before its next sweep.
    await until(async () => (await recipientOf(jobId)).status === 'sent');
    await mail.kick();
    await run(jobId, [1_500, 1_500]);
    expect(copiesFor(email)).toBe(1);
    expect(await recipientOf(jobId)).toMatchObject({ status: 'sent', attempts: 2, nextAttemptAt: null, deliveredAt: expect.any(Date) });
    expect((await jobOf(jobId)).delivery).toMatchObject({ total: 1, counts: { sent: 1 }, problems: [] });
  });

  it('dropped after the message data: uncertain at once, never retried by the job or the queue, listed for admins to resend', async () => {
    const { ticket, email } = await emailTicket(db, world);
    peer.dropAfterData.add(email);
    const jobId = await bulkReply(ticket.id);
    await run(jobId, [20, 20]);
    const mail = queue([20, 20]);
    await mail.kick();
    await sleep(300);
    await mail.kick();
    await run(jobId, [20, 20]);
    expect(copiesFor(email)).toBe(1);
    expect(await recipientOf(jobId)).toMatchObject({ status: 'uncertain', attempts: 1, nextAttemptAt: null });

    const [item] = (await deadLetters()).filter((i) => i.source === 'reply' && i.to[0] === email);
    expect(item).toMatchObject({ status: 'uncertain' });
    expect((await api('POST', `/mail/reply-recipients/${item!.id}/resend`, {})).status, 'not without confirming').toBe(409);
    expect((await api('POST', `/mail/reply-recipients/${item!.id}/resend`, { confirmUncertain: true })).status).toBe(200);
    await run(jobId, [20, 20]);
    expect(copiesFor(email)).toBe(2);
    expect((await deadLetters()).some((i) => i.id === item!.id && i.source === 'reply')).toBe(false);
  });

  it('deferred at every attempt: failed once the backoff runs out, listed with resend, delivered once resent', async () => {
    const { ticket, email } = await emailTicket(db, world);
    peer.deferAtRcpt.add(email);
    const jobId = await bulkReply(ticket.id);
    await run(jobId, [20]);
    expect((await recipientOf(jobId)).status).toBe('retrying');
    peer.deferAtRcpt.add(email);
    const mail = queue([20]);
    await until(async () => (await mail.kick(), (await recipientOf(jobId)).status === 'failed'));
    expect(await recipientOf(jobId)).toMatchObject({ attempts: 2, smtpResponse: expect.stringMatching(/^Not delivered after 2 attempts: .*451/) });
    expect(copiesFor(email)).toBe(0);

    const [item] = (await deadLetters()).filter((i) => i.source === 'reply' && i.to[0] === email);
    expect(item).toMatchObject({ status: 'failed' });
    peer.refuse.clear();
    expect((await api('POST', `/mail/reply-recipients/${item!.id}/resend`, {})).status).toBe(200);
    await run(jobId, [20]);
    expect(copiesFor(email)).toBe(1);
    expect((await recipientOf(jobId)).status).toBe('sent');
  });

  it('a restart in the middle of a backoff resumes it from the database: not before its time, once after, with two queues running', async () => {
    const { ticket, email } = await emailTicket(db, world);
    peer.deferAtRcpt.add(email);
    const jobId = await bulkReply(ticket.id);
    await run(jobId, [2_000]);
    const before = queue([2_000]);
    await before.kick();
    await before.stop();
    const due = (await recipientOf(jobId)).nextAttemptAt!;
    expect(due.getTime()).toBeGreaterThan(Date.now());

    // The new process's queue, and a second backend's on the same database.
    const restarted = queue([2_000]);
    const other = queue([2_000]);
    await Promise.all([restarted.start(), other.start()]);
    expect(copiesFor(email), 'not before the backoff is over').toBe(0);
    await until(async () => (await recipientOf(jobId)).status === 'sent');
    await Promise.all([restarted.kick(), other.kick()]);
    await sleep(300);
    expect(copiesFor(email)).toBe(1);
    expect((await recipientOf(jobId)).attempts).toBe(2);
  });
});

describe.each(databaseKinds)('a bulk reply waiting for a retry on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let peer: SmtpPeer;
  let mailers: Mailers;

  beforeAll(async () => {
    peer = new SmtpPeer();
    await peer.start();
    mailers = new Mailers(peer.url);
    // The worker's default backoff (30 s before the first retry): the old in-job retry would wait it out.
    ({ server, world } = await startWorld(kind, { jobs: 'run', worker: { mailers } }));
  });
  afterAll(async () => {
    await server.close();
    mailers.close();
    await peer.stop();
  });

  it("R-BULK-6 does not hold up its initiator's next job: both finish in order, the first's recipient shown retrying", async () => {
    const db = server.database.db;
    const first = await emailTicket(db, world);
    const second = await emailTicket(db, world);
    peer.deferAtRcpt.add(first.email);
    const submit = (ticketId: number) =>
      server.request('POST', '/api/v1/jobs', {
        token: world.tokens.admin,
        body: { operation: 'reply', departmentId: world.departments.support.id, ticketIds: [ticketId], payload: { body: 'Hi' } },
      });
    const jobOf = async (id: number) => (await server.request('GET', `/api/v1/jobs/${id}`, { token: world.tokens.admin })).body;
    const started = Date.now();
    const a = (await submit(first.ticket.id)).body.id;
    const b = (await submit(second.ticket.id)).body.id;
    await expect.poll(async () => (await jobOf(b)).status, { timeout: 20_000, interval: 100 }).toBe('completed');
    expect(Date.now() - started, 'well before the 30 s backoff').toBeLessThan(25_000);
    const [jobA, jobB] = [await jobOf(a), await jobOf(b)];
    expect(jobA).toMatchObject({ status: 'completed', delivery: { counts: { retrying: 1 }, problems: [{ address: first.email, status: 'retrying' }] } });
    expect(new Date(jobB.startedAt).getTime()).toBeGreaterThanOrEqual(new Date(jobA.finishedAt).getTime());
    expect(jobB.delivery.counts).toEqual({ sent: 1 });
    expect(peer.received.map((r) => r.to[0])).toEqual([second.email]);
  }, 40_000);
});
