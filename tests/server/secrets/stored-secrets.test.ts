import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq, ne } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, departments, mailboxes, outgoingMail, replyRecipients, threads, tickets } from '../../../server/db/schema';
import { runJob } from '../../../server/jobs/job-runner';
import { ingestOnce } from '../../../server/mail/ingest/ingest-once';
import { Mailers } from '../../../server/mail/mailers';
import { NoticeQueue } from '../../../server/mail/notice-queue';
import { resealStoredSecrets } from '../../../server/secrets/reseal';
import { useSecretKey } from '../../../server/secrets/stored-secrets';
import { databaseKinds, TEST_SECRET_KEY, type TestServer } from '../harness';
import { ImapPeer, imapUnavailable } from '../mail/imap-peer';
import { composeMail } from '../mail/ingest/ingest-fixture';
import { startWorld, type World } from '../world';

const SMTP_PASSWORD = 'smtp-pa55-never-stored';

/** A relay that only takes mail from one account, so a message it accepts proves the password was right. */
async function startRelay(user: string, pass: string) {
  const received: string[] = [];
  const relay = new SMTPServer({
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, callback) => (auth.username === user && auth.password === pass ? callback(null, { user }) : callback(new Error('535 5.7.8 Authentication failed'))),
    onData: (stream, session, callback) => {
      stream.resume();
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
  const port = (relay.server.address() as AddressInfo).port;
  return { port, received, stop: () => new Promise<void>((resolve) => relay.close(() => resolve())) };
}

const title = imapUnavailable ? `stored SMTP/IMAP secrets (IMAP skipped: ${imapUnavailable})` : 'stored SMTP/IMAP secrets';

describe.each(databaseKinds)(`${title} on %s`, (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  const peer = new ImapPeer();

  beforeAll(async () => {
    if (!imapUnavailable) await peer.start();
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
  }, 60_000);
  afterEach(() => useSecretKey(TEST_SECRET_KEY));
  afterAll(async () => {
    await server.close();
    if (!imapUnavailable) await peer.close();
  });

  const support = () => world.departments.support.id;
  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1${path}`, { token: world.tokens.admin, ...(body === undefined ? {} : { body }) });
  const mailboxRow = async (id: number) => (await db.select().from(mailboxes).where(eq(mailboxes.id, id)))[0]!;
  const smtpColumn = async () => (await db.select({ smtpUrl: departments.smtpUrl }).from(departments).where(eq(departments.id, support())))[0]!.smtpUrl;
  const saveSmtp = (port: number) => api('PATCH', `/departments/${support()}/mail`, { smtpUrl: `smtp://relay%40acme:${SMTP_PASSWORD}@127.0.0.1:${port}` });
  /** A mailbox saved through the API with the dovecot account, the only one enabled. */
  async function savedMailbox(folder = 'INBOX') {
    const res = await api('POST', `/departments/${support()}/mailboxes`, { ...peer.settings({ folder }), ...(imapUnavailable ? { port: 993 } : {}) });
    expect(res.status).toBe(201);
    await db.update(mailboxes).set({ enabled: false }).where(ne(mailboxes.id, res.body.id));
    return res.body.id as number;
  }

  /** A bulk reply to one new e-mail ticket of Support, run by the worker through `mailers`. */
  async function replyOnce(mailers: Mailers) {
    const tag = randomBytes(4).toString('hex');
    const [contact] = await db
      .insert(contacts)
      .values({ email: `dana.${tag}@customer.example`, name: 'Dana' })
      .returning();
    const [ticket] = await db
      .insert(tickets)
      .values({ departmentId: support(), channel: 'email', contactId: contact!.id, subject: 'Invoice', lastThreadChannel: 'email' })
      .returning();
    await db
      .insert(threads)
      .values({ ticketId: ticket!.id, direction: 'in', channel: 'email', from: contact!.email!, subject: 'Invoice', messageId: `<q.${tag}@customer.example>` });
    const job = await api('POST', '/jobs', { operation: 'reply', departmentId: support(), ticketIds: [ticket!.id], payload: { body: 'Paid.' } });
    await runJob(db, job.body.id, { mailers, delivery: { retryDelaysMs: [20, 20] } });
    return contact!.email!;
  }

  it("a department's SMTP password saved through the API is not in its row, and mail still signs in with it", async () => {
    const relay = await startRelay('relay@acme', SMTP_PASSWORD);
    const mailers = new Mailers(null);
    try {
      expect((await saveSmtp(relay.port)).status).toBe(200);
      const stored = await smtpColumn();
      expect(stored).toMatch(/^v1:/);
      expect(stored).not.toContain(SMTP_PASSWORD);
      expect(stored).not.toContain('relay%40acme');
      expect((await api('GET', `/departments/${support()}/mail`)).body.smtp).toEqual({ host: '127.0.0.1', port: relay.port, secure: false, user: 'relay@acme' });
      const to = await replyOnce(mailers);
      expect(relay.received).toEqual([to]);
    } finally {
      await api('PATCH', `/departments/${support()}/mail`, { smtpUrl: null });
      mailers.close();
      await relay.stop();
    }
  });

  it('a mailbox secret saved through the API is not in its row, and ingestion signs in to dovecot with it', async ({ skip }) => {
    if (imapUnavailable) skip();
    const id = await savedMailbox();
    expect((await mailboxRow(id)).secret).toMatch(/^v1:/);
    expect((await mailboxRow(id)).secret).not.toContain(peer.password);
    await api('PATCH', `/mailboxes/${id}`, { secret: peer.password });
    expect((await mailboxRow(id)).secret).not.toContain(peer.password);
    expect((await api('POST', `/departments/${support()}/mailboxes/test`, { mailboxId: id })).body).toMatchObject({ ok: true });
    await peer.append([await composeMail({ from: 'ola@customer.test', to: 'support@acme.test', subject: 'Sealed sign-in', text: 'x' })]);
    const [result] = await ingestOnce(db);
    expect(result).toMatchObject({ mailboxId: id, error: null, counts: expect.objectContaining({ ticket: 1 }) });
  });

  it('secrets stored in plain text before are still read, and encrypted at start-up and on the next write', async ({ skip }) => {
    if (imapUnavailable) skip();
    const id = await savedMailbox();
    const relay = await startRelay('relay@acme', SMTP_PASSWORD);
    const mailers = new Mailers(null);
    try {
      await db.update(mailboxes).set({ secret: peer.password }).where(eq(mailboxes.id, id));
      await db
        .update(departments)
        .set({ smtpUrl: `smtp://relay%40acme:${SMTP_PASSWORD}@127.0.0.1:${relay.port}` })
        .where(eq(departments.id, support()));
      expect((await ingestOnce(db))[0]!.error).toBeNull();
      expect(relay.received).toEqual([await replyOnce(mailers)]);

      expect(await resealStoredSecrets(db)).toEqual({ sealed: 2, unreadable: [] });
      expect((await mailboxRow(id)).secret).toMatch(/^v1:/);
      expect(await smtpColumn()).toMatch(/^v1:/);
      expect(await resealStoredSecrets(db)).toEqual({ sealed: 0, unreadable: [] });
      expect((await ingestOnce(db))[0]!.error).toBeNull();

      await db.update(mailboxes).set({ secret: 'legacy-plain' }).where(eq(mailboxes.id, id));
      await api('PATCH', `/mailboxes/${id}`, { secret: peer.password });
      expect((await mailboxRow(id)).secret).toMatch(/^v1:/);
    } finally {
      await api('PATCH', `/departments/${support()}/mail`, { smtpUrl: null });
      mailers.close();
      await relay.stop();
    }
  });

  it('secrets saved with another key fail with an error naming the setting and SECRET_KEY, never with an empty password', async () => {
    const id = await savedMailbox();
    await saveSmtp(2525);
    try {
      useSecretKey(randomBytes(32));
      const mailboxError = new RegExp(`^The password or token of mailbox ${id} \\(${peer.username} at 127\\.0\\.0\\.1\\) cannot be decrypted with this SECRET_KEY`);
      const smtpError = /^The SMTP settings of department \d+ \(Support\) cannot be decrypted with this SECRET_KEY: .*enter this secret again\.$/;

      const [result] = await ingestOnce(db);
      expect(result!.error).toMatch(mailboxError);
      expect((await mailboxRow(id)).lastError).toMatch(mailboxError);
      const test = await api('POST', `/departments/${support()}/mailboxes/test`, { mailboxId: id });
      expect(test.body).toEqual({ ok: false, message: expect.stringMatching(mailboxError) });
      const view = await api('GET', `/departments/${support()}/mail`);
      expect(view.status).toBe(409);
      expect(view.body.error.message).toMatch(smtpError);
      const mailers = new Mailers(null);
      const to = await replyOnce(mailers);
      const [recipient] = await db.select().from(replyRecipients).where(eq(replyRecipients.address, to));
      expect(recipient).toMatchObject({ status: 'failed', smtpResponse: expect.stringMatching(smtpError) });
      const { unreadable } = await resealStoredSecrets(db);
      expect(unreadable).toEqual(
        expect.arrayContaining([
          `The password or token of mailbox ${id} (${peer.username} at 127.0.0.1)`,
          expect.stringMatching(/^The SMTP settings of department \d+ \(Support\)$/),
        ]),
      );

      // Entering them again is the way out: saved with the current key, they work.
      await api('PATCH', `/mailboxes/${id}`, { secret: peer.password });
      await saveSmtp(2525);
      expect((await resealStoredSecrets(db)).unreadable).not.toContainEqual(expect.stringMatching(new RegExp(`mailbox ${id} |Support`)));
      expect((await api('GET', `/departments/${support()}/mail`)).status).toBe(200);
    } finally {
      await api('PATCH', `/departments/${support()}/mail`, { smtpUrl: null });
    }
  });

  it("notices of a department whose SMTP settings were saved with another key stay queued, and other departments' still leave", async () => {
    const relay = await startRelay('relay@acme', SMTP_PASSWORD);
    const billing = world.departments.billing.id;
    try {
      await saveSmtp(relay.port);
      useSecretKey(randomBytes(32));
      const setBilling = await api('PATCH', `/departments/${billing}/mail`, { smtpUrl: `smtp://relay%40acme:${SMTP_PASSWORD}@127.0.0.1:${relay.port}` });
      expect(setBilling.status).toBe(200);
      const notice = (departmentId: number, to: string) => ({ to: [to], subject: 'You were added', bodyText: 'Hello', kind: 'cc_notice', departmentId });
      const [stuck, sent] = await db
        .insert(outgoingMail)
        .values([notice(support(), 'cc.support@customer.example'), notice(billing, 'cc.billing@customer.example')])
        .returning({ id: outgoingMail.id });
      const mailers = new Mailers(null);
      await new NoticeQueue(db, mailers, 'http://help.test').kick();
      mailers.close();
      const status = async (id: number) => (await db.select({ status: outgoingMail.status }).from(outgoingMail).where(eq(outgoingMail.id, id)))[0]!.status;
      expect(await status(stuck!.id)).toBe('stored');
      expect(await status(sent!.id)).toBe('sent');
      expect(relay.received).toEqual(['cc.billing@customer.example']);
    } finally {
      await api('PATCH', `/departments/${support()}/mail`, { smtpUrl: null });
      await api('PATCH', `/departments/${billing}/mail`, { smtpUrl: null });
      await relay.stop();
    }
  });
});
