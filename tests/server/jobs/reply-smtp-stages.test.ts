import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, outgoingMail, replyRecipients, tickets } from '../../../server/db/schema';
import { runJob } from '../../../server/jobs/job-runner';
import { Mailers } from '../../../server/mail/mailers';
import { NoticeQueue } from '../../../server/mail/notice-queue';
import { smtpMailer, type ReplyMailer } from '../../../server/mail/smtp-mailer';
import { recordMail, sendRecordedMail } from '../../../server/mail/stored-mail';
import { databaseKinds, TEST_PUBLIC_URL, type TestServer } from '../harness';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';

/** Short enough for a test, long enough for a loaded machine to answer everything the peer answers at once. */
const SOCKET_TIMEOUT_MS = 1_500;

describe.each(databaseKinds)('issue 21: an SMTP failure is classified by the stage it reached, on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let peer: SmtpPeer;
  let mailer: ReplyMailer;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
    peer = new SmtpPeer();
    await peer.start();
    mailer = smtpMailer(peer.url, { socketTimeoutMs: SOCKET_TIMEOUT_MS });
  });
  afterEach(() => {
    peer.received.length = 0;
  });
  afterAll(async () => {
    mailer.close();
    await peer.stop();
    await server.close();
  });

  /** An e-mail ticket of a new customer, copying `cc`; returns the customer's address too. */
  async function emailTicket(cc: string[] = []) {
    const email = `customer.${Date.now()}.${Math.random().toString(36).slice(2)}@customer.example`;
    const [contact] = await db.insert(contacts).values({ email, name: 'Customer' }).returning();
    const [ticket] = await db
      .insert(tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: contact!.id, subject: 'Order', lastThreadChannel: 'email', ccAddresses: cc })
      .returning();
    return { ticket: ticket!, email };
  }

  async function reply(ticketId: number): Promise<number> {
    const res = await server.request('POST', '/api/v1/jobs', {
      token: world.tokens.admin,
      body: { operation: 'reply', departmentId: world.departments.support.id, ticketIds: [ticketId], payload: { body: 'Your order shipped.' } },
    });
    expect(res.status).toBe(202);
    return res.body.id;
  }

  const through = (via: ReplyMailer) => new Mailers('smtp://unused.invalid', () => via);
  const run = (jobId: number, via: ReplyMailer = mailer) => runJob(db, jobId, { mailers: through(via), delivery: { retryDelaysMs: [20, 20, 20] } });
  /** The job's first attempt, then the mail queue's retries until none of the job's recipients waits for one. */
  async function runAndRetry(jobId: number, via: ReplyMailer = mailer) {
    await run(jobId, via);
    const queue = new NoticeQueue(db, through(via), TEST_PUBLIC_URL, { retryDelaysMs: [20, 20, 20] });
    await expect.poll(async () => (await queue.kick(), (await recipients(jobId)).every((r) => r.status !== 'retrying')), { timeout: 10_000 }).toBe(true);
    await queue.stop();
  }
  const recipients = async (jobId: number) => db.select().from(replyRecipients).where(eq(replyRecipients.jobId, jobId));
  const copiesFor = (address: string) => peer.received.filter((r) => r.to.includes(address)).length;
  const jobOf = async (jobId: number) => (await server.request('GET', `/api/v1/jobs/${jobId}`, { token: world.tokens.admin })).body;

  it('(a) the connection drops after the message data, before the answer to the final dot: uncertain, one copy, no retry', async () => {
    const { ticket, email } = await emailTicket();
    peer.dropAfterData.add(email);
    const jobId = await reply(ticket.id);
    await run(jobId);
    expect(copiesFor(email)).toBe(1);
    const [recipient] = await recipients(jobId);
    expect(recipient).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(recipient!.smtpResponse).toMatch(/^No answer after the message data was sent, so it may have arrived: .*Connection closed unexpectedly/);
    expect(await jobOf(jobId)).toMatchObject({
      status: 'completed',
      delivery: { total: 1, counts: { uncertain: 1 }, problems: [{ address: email, status: 'uncertain' }] },
    });
    // Resuming the job (as after a restart) leaves it alone.
    await run(jobId);
    expect(copiesFor(email)).toBe(1);
  });

  it('(b) the final dot is answered only after the socket timeout: uncertain, one copy, no retry', async () => {
    const { ticket, email } = await emailTicket();
    peer.answerLate.set(email, SOCKET_TIMEOUT_MS * 2);
    const jobId = await reply(ticket.id);
    await run(jobId);
    const [recipient] = await recipients(jobId);
    expect(recipient).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(recipient!.smtpResponse).toMatch(/may have arrived: .*Timeout/);
    // The late "250" arrives to a closed connection; nothing is sent again meanwhile.
    await new Promise((resolve) => setTimeout(resolve, SOCKET_TIMEOUT_MS * 1.5));
    expect(copiesFor(email)).toBe(1);
    expect((await recipients(jobId))[0]!.status).toBe('uncertain');
  });

  it('(c) refused before DATA (dropped at RCPT, deferred with 451, or the server down then back): retried by the mail queue and delivered once', async () => {
    const { ticket, email } = await emailTicket(['deferred@customer.example']);
    peer.dropAtRcpt.add(email);
    peer.deferAtRcpt.add('deferred@customer.example');
    const jobId = await reply(ticket.id);
    await runAndRetry(jobId);
    expect(copiesFor(email)).toBe(1);
    expect(copiesFor('deferred@customer.example')).toBe(1);
    expect((await recipients(jobId)).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);

    // Down at the first attempt, listening again (a fresh server on the same port) before the retry.
    const probe = new SmtpPeer();
    await probe.start();
    const port = probe.port;
    await probe.stop();
    const back = new SmtpPeer();
    const backSoon = smtpMailer(`smtp://127.0.0.1:${port}`, { socketTimeoutMs: SOCKET_TIMEOUT_MS });
    const second = await emailTicket();
    const downJob = await reply(second.ticket.id);
    let attempts = 0;
    const startsAfterFirstAttempt: ReplyMailer = {
      send: async (message) => {
        const outcome = await backSoon.send(message);
        if (++attempts === 1) await back.start(port);
        return outcome;
      },
      close: () => undefined,
    };
    await runAndRetry(downJob, startsAfterFirstAttempt);
    backSoon.close();
    await back.stop();
    expect(back.received.filter((r) => r.to.includes(second.email))).toHaveLength(1);
    expect((await recipients(downJob)).map((r) => [r.status, r.attempts])).toEqual([['sent', 2]]);
  });

  it('(d) Resend never resends an accepted recipient, and an uncertain one only when the agent asks', async () => {
    const { ticket, email } = await emailTicket(['accepted@customer.example']);
    peer.dropAfterData.add(email);
    const jobId = await reply(ticket.id);
    await run(jobId);
    expect(copiesFor(email)).toBe(1);
    expect(copiesFor('accepted@customer.example')).toBe(1);
    expect((await jobOf(jobId)).delivery.counts).toEqual({ sent: 1, uncertain: 1 });
    await run(jobId);
    expect(copiesFor(email)).toBe(1);

    const unconfirmed = await server.request('POST', `/api/v1/jobs/${jobId}/resend`, { token: world.tokens.admin });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.message).toMatch(/uncertain.*may already have the reply.*confirmUncertain/);
    await run(jobId);
    expect(copiesFor(email)).toBe(1);

    const resent = await server.request('POST', `/api/v1/jobs/${jobId}/resend`, { token: world.tokens.admin, body: { confirmUncertain: true } });
    expect(resent.status).toBe(202);
    await run(jobId);
    expect(copiesFor(email)).toBe(2);
    expect(copiesFor('accepted@customer.example')).toBe(1);
    expect((await jobOf(jobId)).delivery.counts).toEqual({ sent: 2 });
    expect((await server.request('POST', `/api/v1/jobs/${jobId}/resend`, { token: world.tokens.admin, body: { confirmUncertain: true } })).status).toBe(409);
  });

  it('(e) Resend without confirmation sends the failed recipients and leaves the uncertain ones alone', async () => {
    const { ticket, email } = await emailTicket(['refused.once@customer.example']);
    peer.dropAfterData.add(email);
    peer.refuse.add('refused.once@customer.example');
    const jobId = await reply(ticket.id);
    await run(jobId);
    expect((await jobOf(jobId)).delivery.counts).toEqual({ failed: 1, uncertain: 1 });

    peer.refuse.delete('refused.once@customer.example');
    const resent = await server.request('POST', `/api/v1/jobs/${jobId}/resend`, { token: world.tokens.admin });
    expect(resent.status).toBe(202);
    await run(jobId);
    expect(copiesFor('refused.once@customer.example')).toBe(1);
    expect(copiesFor(email)).toBe(1);
    expect((await jobOf(jobId)).delivery.counts).toEqual({ sent: 1, uncertain: 1 });
  });

  it('notices and job results (sendRecordedMail): data sent and no answer is uncertain, one copy', async () => {
    const address = `notice.${Date.now()}@customer.example`;
    peer.dropAfterData.add(address);
    await recordMail(db, { to: [address], subject: 'Your job finished', bodyText: 'Done.' });
    const [row] = await db.select().from(outgoingMail).where(eq(outgoingMail.subject, 'Your job finished'));
    await sendRecordedMail(db, mailer, 'noreply@acme.test', row!);
    expect(copiesFor(address)).toBe(1);
    const [after] = await db.select().from(outgoingMail).where(eq(outgoingMail.id, row!.id));
    expect(after).toMatchObject({ status: 'uncertain', response: expect.stringMatching(/may have arrived/) });
  });
});
