import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/client';
import { contacts, jobs, outgoingMail, tickets } from '../../../../server/db/schema';
import { Mailers } from '../../../../server/mail/mailers';
import { NoticeQueue } from '../../../../server/mail/notice-queue';
import { deliverStoredMail, recordMail } from '../../../../server/mail/stored-mail';
import { databaseKinds, TEST_PUBLIC_URL, type TestServer } from '../../harness';
import { Browser } from '../../help-center/browser';
import { SmtpPeer } from '../smtp-peer';
import { startWorld, type World } from '../../world';

const until = async (check: () => Promise<boolean> | boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 21 item 2: CC notices and sign-in links used to fail for good on the first attempt of an
 * SMTP outage. They now wait in outgoing_mail with a backoff, against a real SMTP server that is
 * down, then back on the same port.
 */
describe.each(databaseKinds)('the mail retry queue on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let port: number;
  let peer: SmtpPeer | null = null;
  let mailers: Mailers;
  let n = 0;
  const queues: NoticeQueue[] = [];

  beforeAll(async () => {
    // The world's own queue has no SMTP server (the default): only the queues a test makes send.
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
    const probe = new SmtpPeer();
    await probe.start();
    port = probe.port;
    await probe.stop();
    mailers = new Mailers(`smtp://127.0.0.1:${port}`);
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    // Pooled connections closed first: the peer's close waits for its clients.
    mailers.close();
    await peer?.stop();
    peer = null;
    await db.delete(outgoingMail);
  });
  afterAll(async () => {
    mailers.close();
    await server.close();
  });

  const queue = (retryDelaysMs: number[]) => {
    const made = new NoticeQueue(db, mailers, TEST_PUBLIC_URL, { retryDelaysMs });
    queues.push(made);
    return made;
  };
  const smtpBack = async () => {
    peer = new SmtpPeer();
    await peer.start(port);
    return peer;
  };
  const rows = () => db.select().from(outgoingMail).orderBy(outgoingMail.id);
  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1${path}`, { token: world.tokens.admin, ...(body === undefined ? {} : { body }) });

  /** A CC notice (R-CC-5, through the API) and a help-center sign-in link (through the help center), both recorded. */
  async function recordBoth() {
    n += 1;
    const [customer] = await db
      .insert(contacts)
      .values({ email: `queue${n}@customer.example`, name: `Queue ${n}` })
      .returning();
    const [ticket] = await db
      .insert(tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: customer!.id, subject: `Outage ${n}`, lastThreadChannel: 'email' })
      .returning();
    const cc = `follower${n}@partner.test`;
    expect((await api('PUT', `/tickets/${ticket!.id}/secondary-contacts`, { version: ticket!.version, contacts: [{ email: cc }] })).status).toBe(200);
    expect((await new Browser(server).post(`/help/${world.departments.support.id}/sign-in`, { email: customer!.email! })).status).toBe(200);
    await server.signIns.settled();
    const recorded = (await rows()).filter((r) => r.to[0] === cc || r.to[0] === customer!.email);
    expect(recorded.map((r) => r.kind).sort()).toEqual(['cc_notice', 'sign_in_link']);
    return { cc, customer: customer!.email! };
  }

  it('an SMTP outage then recovery delivers the CC notice and the sign-in link, once each', async () => {
    const { cc, customer } = await recordBoth();
    const mail = queue([500, 500, 500]);
    await mail.kick();
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: 'retrying', attempts: 1 });
      expect(row.response).toMatch(/^Attempt 1 of 4 not delivered, tried again later: /);
      expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() - 1_000);
    }
    const smtp = await smtpBack();
    // No kick: the queue wakes itself for a retry due before its next sweep.
    await until(async () => (await rows()).every((r) => r.status === 'sent'));
    await mail.kick();
    await sleep(300);
    await mail.kick();
    expect(smtp.received.map((r) => r.to).sort()).toEqual([[cc], [customer]].sort());
    expect((await rows()).map((r) => r.attempts)).toEqual([2, 2]);
  });

  it('a restart in the middle of a backoff resumes it: not before its time, once after', async () => {
    await recordBoth();
    const first = queue([600]);
    await first.kick();
    await first.stop();
    const smtp = await smtpBack();
    const restarted = queue([600]);
    await restarted.start();
    expect(smtp.received, 'not before the backoff is over').toHaveLength(0);
    expect((await rows()).every((r) => r.status === 'retrying')).toBe(true);
    await until(async () => (await rows()).every((r) => r.status === 'sent'));
    expect(smtp.received).toHaveLength(2);
  });

  it('gives up after its bounded attempts: failed, with the count and the last answer', async () => {
    await recordBoth();
    const mail = queue([20]);
    await mail.kick();
    await sleep(60);
    await mail.kick();
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: null });
      expect(row.response).toMatch(/^Not delivered after 2 attempts: /);
    }
  });

  it('never retries a message whose data reached the server without an answer: uncertain, sent once', async () => {
    const { cc } = await recordBoth();
    const smtp = await smtpBack();
    smtp.dropAfterData.add(cc);
    const mail = queue([20, 20]);
    await mail.kick();
    await sleep(80);
    await mail.kick();
    const [notice] = (await rows()).filter((r) => r.kind === 'cc_notice');
    expect(notice).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(notice!.response).toMatch(/may have arrived/);
    expect(smtp.received.filter((r) => r.to.includes(cc))).toHaveLength(1);
  });

  it("R-BULK-9 a mass action's result met by an outage waits in the queue and leaves through its department's server once it is back", async () => {
    const [job] = await db
      .insert(jobs)
      .values({ operation: 'close', mode: 'mass', payload: {}, departmentId: world.departments.billing.id, initiatorId: world.agents.admin.id, status: 'completed' })
      .returning();
    await recordMail(db, { to: ['admin@acme.test'], subject: 'Mass action "close" finished', bodyText: 'Done.', jobId: job!.id });
    // The job runner's own attempt, right after the job (completion-mail.ts).
    const mailer = mailers.for(undefined)!;
    await deliverStoredMail(db, job!.id, mailer, 'billing@acme.test');
    expect((await rows())[0]).toMatchObject({ kind: 'job_result', status: 'retrying', attempts: 1 });
    // Its 30 s backoff, passed.
    await db.update(outgoingMail).set({ nextAttemptAt: sql`now()` });
    const smtp = await smtpBack();
    await queue([100]).start();
    await until(async () => (await rows())[0]!.status === 'sent');
    expect(smtp.received.map((r) => [r.from, r.to])).toEqual([['billing@acme.test', ['admin@acme.test']]]);
  });

  it('two backends on one database send each queued message once', async () => {
    await recordBoth();
    await recordBoth();
    const smtp = await smtpBack();
    const otherMailers = new Mailers(`smtp://127.0.0.1:${port}`);
    const other = new NoticeQueue(db, otherMailers, TEST_PUBLIC_URL);
    try {
      await Promise.all([queue([]).kick(), other.kick(), queue([]).kick()]);
    } finally {
      await other.stop();
      otherMailers.close();
    }
    expect(smtp.received).toHaveLength(4);
    expect(new Set(smtp.received.map((r) => r.to[0])).size).toBe(4);
  });

  it("marks a hand-over cut off by a crash uncertain only past the lease, never another backend's send in progress", async () => {
    const inserted = await db
      .insert(outgoingMail)
      .values([
        { to: ['crashed@customer.example'], subject: 'a', bodyText: 'a', kind: 'cc_notice', departmentId: world.departments.support.id, status: 'sending' },
        { to: ['busy@customer.example'], subject: 'b', bodyText: 'b', kind: 'cc_notice', departmentId: world.departments.support.id, status: 'sending' },
      ])
      .returning({ id: outgoingMail.id });
    await db
      .update(outgoingMail)
      .set({ updatedAt: sql`now() - interval '11 minutes'` })
      .where(eq(outgoingMail.id, inserted[0]!.id));
    await smtpBack();
    await queue([]).start();
    const after = await db
      .select()
      .from(outgoingMail)
      .where(
        inArray(
          outgoingMail.id,
          inserted.map((r) => r.id),
        ),
      )
      .orderBy(outgoingMail.id);
    expect(after.map((r) => r.status)).toEqual(['uncertain', 'sending']);
    expect(peer!.received).toHaveLength(0);
  });
});
