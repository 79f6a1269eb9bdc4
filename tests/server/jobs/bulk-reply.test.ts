import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, jobs, replyRecipients, threads, tickets } from '../../../server/db/schema';
import { Mailers } from '../../../server/mail/mailers';
import { NoticeQueue } from '../../../server/mail/notice-queue';
import { smtpMailer, type ReplyMailer } from '../../../server/mail/smtp-mailer';
import { runJob } from '../../../server/jobs/job-runner';
import { databaseKinds, TEST_PUBLIC_URL, type TestServer } from '../harness';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('bulk reply over SMTP on %s', (kind) => {
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
    mailer = smtpMailer(peer.url);
  });
  afterEach(() => {
    peer.received.length = 0;
    peer.refuse.clear();
  });
  afterAll(async () => {
    mailer.close();
    await peer.stop();
    await server.close();
  });

  /** Support tickets from their own customers, each copying a secondary contact and a CC address, each answering a customer message. */
  async function emailTickets(n: number, tag = `${Date.now()}-${Math.random()}`) {
    const people = await db
      .insert(contacts)
      .values(Array.from({ length: n }, (_, i) => ({ email: `customer${i}.${tag}@customer.example`, name: i === 0 ? 'Bob <b>Bold</b>' : `Customer ${i}` })))
      .returning();
    const rows = await db
      .insert(tickets)
      .values(
        people.map((p, i) => ({
          departmentId: world.departments.support.id,
          channel: 'email',
          contactId: p.id,
          subject: `Outage question ${i}`,
          lastThreadChannel: 'email',
          secondaryContactIds: [world.contacts.bob.id],
          ccAddresses: [`boss${i}@customer.example`],
        })),
      )
      .returning();
    await db.insert(threads).values(
      rows.map((t, i) => ({
        ticketId: t.id,
        direction: 'in',
        channel: 'email',
        from: people[i]!.email!,
        subject: t.subject,
        messageId: `<q${i}.${tag}@customer.example>`,
        references: [`<older${i}.${tag}@customer.example>`],
      })),
    );
    return rows;
  }

  const submit = (ticketIds: number[], payload: Record<string, unknown>, token = world.tokens.admin) =>
    server.request('POST', '/api/v1/jobs', { token, body: { operation: 'reply', departmentId: world.departments.support.id, ticketIds, payload } });

  const through = (one: ReplyMailer) => new Mailers('smtp://unused.invalid', () => one);
  const run = (jobId: number) => runJob(db, jobId, { mailers: through(mailer), delivery: { retryDelaysMs: [20, 20] } });

  it('R-REPLY-1..5 a 50-ticket reply: one envelope per recipient, CCs, threading headers, escaped and sanitised bodies', async () => {
    const targets = await emailTickets(50);
    const res = await submit(
      targets.map((t) => t.id),
      { subject: 'Re: {{ticket.subject}} [#{{ticket.number}}]', body: '<p>Hello {{contact.name}},</p><p>The outage is over.<script>x()</script></p><p>{{agent.name}}</p>' },
    );
    expect(res.status).toBe(202);
    await run(res.body.id);
    expect((await db.select().from(jobs).where(eq(jobs.id, res.body.id)))[0]).toMatchObject({ status: 'completed', done: 50, failed: 0 });

    expect(peer.received).toHaveLength(150);
    expect(peer.received.every((r) => r.to.length === 1 && /^noreply\+[\w-]{22}@acme\.test$/.test(r.from))).toBe(true);
    const first = targets[0]!;
    const forFirst = peer.received.filter((r) => r.mail.subject === `Re: ${first.subject} [#${first.number}]`);
    expect(forFirst.map((r) => r.to[0])).toHaveLength(3);
    expect(forFirst.map((r) => r.to[0])).toEqual(expect.arrayContaining(['bob@customer.test', 'boss0@customer.example', expect.stringMatching(/^customer0\./)]));
    const mail = forFirst[0]!.mail;
    expect(mail.from?.text).toBe('noreply@acme.test');
    expect((mail.to as { text: string }).text).toMatch(/^customer0\./);
    expect((mail.cc as { text: string }).text).toBe('bob@customer.test, boss0@customer.example');
    expect(mail.inReplyTo).toMatch(/^<q0\./);
    expect(mail.references).toEqual([expect.stringMatching(/^<older0\./), expect.stringMatching(/^<q0\./)]);
    expect(mail.html).toContain('Hello Bob &lt;b&gt;Bold&lt;/b&gt;,');
    expect(mail.html).not.toContain('<script');
    expect(mail.text).toContain('Hello Bob <b>Bold</b>,');
    expect(mail.text).toContain('Ada Admin');

    const recipients = await db.select().from(replyRecipients).where(eq(replyRecipients.jobId, res.body.id));
    expect(recipients).toHaveLength(150);
    expect(recipients.every((r) => r.status === 'sent' && r.smtpResponse?.startsWith('250'))).toBe(true);
    const mine = recipients.find((r) => r.address === forFirst[0]!.to[0] && r.ticketId === first.id)!;
    const [outbound] = await db.select().from(threads).where(eq(threads.id, mine.threadId));
    expect(outbound).toMatchObject({ direction: 'out', channel: 'email', from: 'noreply@acme.test' });
    expect(mail.messageId).toBe(outbound!.messageId);
    expect(forFirst[0]!.from).toBe(`noreply+${mine.token}@acme.test`);
    expect(mail.headers.get('x-inbox-desk-token')).toBe(mine.token);
    const answered = await db
      .select()
      .from(tickets)
      .where(
        inArray(
          tickets.id,
          targets.map((t) => t.id),
        ),
      );
    expect(answered.every((t) => t.firstResponseAt !== null && t.version === 2)).toBe(true);
    // The timeline speaks the API's directions: the customer's message in, the reply out.
    const timeline = await server.request('GET', `/api/v1/tickets/${first.id}/timeline`, { token: world.tokens.admin });
    expect(timeline.status).toBe(200);
    expect(timeline.body.threads.map((t: { direction: string }) => t.direction)).toEqual(['in', 'out']);
  }, 60_000);

  it('R-REPLY-7 the preview lists each ticket eligible or why not, renders the reply for a chosen ticket, and records nothing', async () => {
    const [ok, other, chat] = await emailTickets(3);
    await db.update(tickets).set({ channel: 'chat', lastThreadChannel: 'chat' }).where(eq(tickets.id, chat!.id));
    const res = await server.request('POST', '/api/v1/replies/preview', {
      token: world.tokens.admin,
      body: {
        departmentId: world.departments.support.id,
        ticketIds: [ok!.id, other!.id, chat!.id],
        payload: { templateId: world.templates.outage.id, body: '' },
        sampleTicketId: other!.id,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.tickets.map((t: { ok: boolean }) => t.ok)).toEqual([true, true, false]);
    expect(res.body.tickets[2].reason).toMatch(/^R-REPLY-4: /);
    expect(res.body.sample).toMatchObject({
      ticketId: other!.id,
      from: 'noreply@acme.test',
      subject: 'Update',
      cc: ['bob@customer.test', 'boss1@customer.example'],
      html: 'Hello Customer 1',
      inReplyTo: expect.stringMatching(/^<q1\./),
    });
    const recorded = await db
      .select()
      .from(replyRecipients)
      .where(inArray(replyRecipients.ticketId, [ok!.id, other!.id]));
    expect(recorded).toHaveLength(0);
    const refused = await server.request('POST', '/api/v1/replies/preview', {
      token: world.tokens.admin,
      body: { departmentId: world.departments.support.id, ticketIds: [ok!.id], payload: { body: '{{ticket.owner}}' } },
    });
    expect(refused.body.violations[0]).toMatchObject({ rule: 'R-REPLY-2' });
  });

  it('without SMTP a reply is stored, not sent, and the stored mail list shows it to agents who can see the ticket', async () => {
    const [t] = await emailTickets(1);
    const res = await submit([t!.id], { subject: 'Stored {{ticket.number}}', body: 'Kept here' });
    await runJob(db, res.body.id);
    expect(peer.received).toHaveLength(0);
    const job = (await server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin })).body;
    expect(job.delivery.counts).toEqual({ stored: 3 });
    const stored = (await server.request('GET', '/api/v1/mail/stored', { token: world.tokens.admin })).body.items;
    expect(stored.find((m: { ticketId: number }) => m.ticketId === t!.id)).toMatchObject({
      kind: 'reply',
      subject: `Stored ${t!.number}`,
      text: 'Kept here',
      jobId: res.body.id,
      to: expect.arrayContaining(['bob@customer.test']),
    });
    const outsider = (await server.request('GET', '/api/v1/mail/stored', { token: world.tokens.viewer })).body.items;
    expect(outsider.some((m: { ticketId: number }) => m.ticketId === t!.id)).toBe(false);
  });

  it('R-REPLY-1 a 51st ticket is refused with the reply limit', async () => {
    const targets = await emailTickets(51);
    const res = await submit(
      targets.map((t) => t.id),
      { body: 'Hi' },
    );
    expect(res.status).toBe(422);
    expect(res.body.error.rule).toBe('R-REPLY-1');
  });

  it('R-REPLY-3/4 chat tickets, social tickets last answered elsewhere and contacts without e-mail are refused per ticket; nothing is sent to them', async () => {
    const [ok, chat, social, noEmail] = await emailTickets(4);
    await db.update(tickets).set({ channel: 'chat', lastThreadChannel: 'chat' }).where(eq(tickets.id, chat!.id));
    await db.update(tickets).set({ channel: 'social', lastThreadChannel: 'social' }).where(eq(tickets.id, social!.id));
    await db.update(tickets).set({ contactId: world.contacts.anonymous.id }).where(eq(tickets.id, noEmail!.id));
    const res = await submit([ok!.id, chat!.id, social!.id, noEmail!.id], { body: 'Hi {{contact.name}}' });
    await run(res.body.id);
    const job = (await server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin })).body;
    expect(job.counts).toEqual({ total: 4, done: 1, failed: 3 });
    const reasons = Object.fromEntries(job.failures.map((f: { ticketId: number; reason: string }) => [f.ticketId, f.reason]));
    expect(reasons[chat!.id]).toMatch(/^R-REPLY-4: .*chat ticket/);
    expect(reasons[social!.id]).toMatch(/^R-REPLY-4: .*social ticket whose last message came by social/);
    expect(reasons[noEmail!.id]).toMatch(/^R-REPLY-3: /);
    expect(peer.received).toHaveLength(3);
  });

  it('R-REPLY-2 an unknown placeholder is refused before anything is recorded', async () => {
    const [t] = await emailTickets(1);
    const res = await submit([t!.id], { body: 'Hi {{contact.fullname}}' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ rule: 'R-REPLY-2', message: expect.stringContaining('{{contact.fullname}}') });
  });

  it('a recipient the SMTP server refuses is failed with its reply; the others are delivered', async () => {
    const [t] = await emailTickets(1);
    peer.refuse.add('boss0@customer.example');
    const res = await submit([t!.id], { body: 'Hi' });
    await run(res.body.id);
    const byAddress = Object.fromEntries((await db.select().from(replyRecipients).where(eq(replyRecipients.jobId, res.body.id))).map((r) => [r.address, r]));
    expect(byAddress['boss0@customer.example']).toMatchObject({ status: 'failed', smtpResponse: expect.stringContaining('550') });
    expect(byAddress['bob@customer.test']!.status).toBe('sent');
    expect(peer.received.map((r) => r.to[0])).not.toContain('boss0@customer.example');
    expect(peer.received).toHaveLength(2);
    // R-REPLY-8: "2 of 3 delivered", with the refused address and the server's words.
    const job = (await server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin })).body;
    expect(job.delivery).toMatchObject({
      total: 3,
      counts: { sent: 2, failed: 1 },
      problems: [{ address: 'boss0@customer.example', status: 'failed', response: expect.stringContaining('mailbox unavailable') }],
    });
  });

  it('a DSN (RFC 3464) marks the recipient it names bounced, with the diagnostic; a delay notice changes nothing', async () => {
    const [t] = await emailTickets(1);
    const res = await submit([t!.id], { body: 'Hi' });
    await run(res.body.id);
    const boss = (await db.select().from(replyRecipients).where(eq(replyRecipients.jobId, res.body.id))).find((r) => r.address === 'boss0@customer.example')!;
    const dsn = (action: string, verp: boolean) =>
      [
        'From: MAILER-DAEMON@mx.customer.example',
        `To: ${verp ? `noreply+${boss.token}@acme.test` : 'noreply@acme.test'}`,
        'Subject: Undelivered Mail Returned to Sender',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.customer.example',
        '',
        'Final-Recipient: rfc822; boss0@customer.example',
        `Action: ${action}`,
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 <boss0@customer.example>: Recipient address',
        '  rejected: User unknown',
        '',
        '--b1',
        'Content-Type: text/rfc822-headers',
        '',
        'From: noreply@acme.test',
        ...(verp ? [] : [`X-Inbox-Desk-Token: ${boss.token}`]),
        '',
        '--b1--',
      ].join('\r\n');
    const delayed = await server.request('POST', '/api/v1/inbound/dsn', { token: world.tokens.admin, body: { message: dsn('delayed', false) } });
    // The answer names no recipient (issue 21): only whether the report bounced the one its token names.
    expect(delayed.body).toEqual({ accepted: true, bounced: false });
    const bounced = await server.request('POST', '/api/v1/inbound/dsn', { token: world.tokens.admin, body: { message: dsn('failed', true) } });
    expect(bounced.body).toEqual({ accepted: true, bounced: true });
    const job = (await server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin })).body;
    expect(job.delivery.counts).toEqual({ sent: 2, bounced: 1 });
    expect(job.delivery.problems[0]).toMatchObject({
      address: 'boss0@customer.example',
      status: 'bounced',
      response: '5.1.1 550 5.1.1 <boss0@customer.example>: Recipient address rejected: User unknown',
    });
    const stranger = await server.request('POST', '/api/v1/inbound/dsn', { token: world.tokens.admin, body: { message: 'Subject: hello\r\n\r\nnot a bounce' } });
    expect(stranger.status).toBe(422);
  });

  it('two workers delivering the same job never hand one recipient over twice', async () => {
    const targets = await emailTickets(4);
    const res = await submit(
      targets.map((t) => t.id),
      { body: 'Hi' },
    );
    await Promise.all([run(res.body.id), run(res.body.id)]);
    expect(peer.received).toHaveLength(12);
    expect(new Set(peer.received.map((r) => `${r.mail.messageId} ${r.to[0]}`)).size).toBe(12);
  });

  it("a department's own SMTP server carries its replies; its password never reaches a client", async () => {
    const own = new SmtpPeer();
    await own.start();
    const mailers = new Mailers(peer.url);
    const path = `/api/v1/departments/${world.departments.support.id}/mail`;
    try {
      const denied = await server.request('PATCH', path, { token: world.tokens.agent, body: { smtpUrl: own.url } });
      expect(denied.status).toBe(403);
      const bad = await server.request('PATCH', path, { token: world.tokens.admin, body: { smtpUrl: 'http://relay.example' } });
      expect(bad.status).toBe(400);
      const url = `smtp://relay%40acme:s3cret@127.0.0.1:${own.port}`;
      const set = await server.request('PATCH', path, { token: world.tokens.admin, body: { smtpUrl: url } });
      expect(set.body).toEqual({
        departmentId: world.departments.support.id,
        smtp: { host: '127.0.0.1', port: own.port, secure: false, user: 'relay@acme' },
        fromAddresses: ['noreply@acme.test'],
      });
      for (const p of [path, `/api/v1/departments/${world.departments.support.id}`, '/api/v1/directory']) {
        expect(JSON.stringify((await server.request('GET', p, { token: world.tokens.admin })).body)).not.toContain('s3cret');
      }
      const [t] = await emailTickets(1);
      const res = await submit([t!.id], { body: 'Hi' });
      await runJob(db, res.body.id, { mailers });
      expect(own.received).toHaveLength(3);
      expect(peer.received).toHaveLength(0);
    } finally {
      await server.request('PATCH', path, { token: world.tokens.admin, body: { smtpUrl: null } });
      mailers.close();
      await own.stop();
    }
  });

  it('SMTP down: the job finishes with each recipient retrying; the mail queue retries them, then fails them with the reason', async () => {
    const [t] = await emailTickets(1);
    const res = await submit([t!.id], { body: 'Hi' });
    const nowhere = smtpMailer('smtp://127.0.0.1:1');
    await runJob(db, res.body.id, { mailers: through(nowhere), delivery: { retryDelaysMs: [10, 10] } });
    const recipients = () => db.select().from(replyRecipients).where(eq(replyRecipients.jobId, res.body.id));
    expect((await recipients()).map((r) => [r.status, r.attempts])).toEqual([
      ['retrying', 1],
      ['retrying', 1],
      ['retrying', 1],
    ]);
    expect((await db.select().from(jobs).where(eq(jobs.id, res.body.id)))[0]!.status).toBe('completed');
    const queue = new NoticeQueue(db, through(nowhere), TEST_PUBLIC_URL, { retryDelaysMs: [10, 10] });
    await expect.poll(async () => (await queue.kick(), (await recipients()).map((r) => r.status)), { timeout: 10_000 }).toEqual(['failed', 'failed', 'failed']);
    await queue.stop();
    nowhere.close();
    expect((await recipients()).map((r) => r.attempts)).toEqual([3, 3, 3]);
    expect((await recipients())[0]!.smtpResponse).toMatch(/^Not delivered after 3 attempts: .*ECONNREFUSED|connect/i);
  });

  it('SMTP down mid-job with no retry left: the rest fail; once it is back, a resend delivers exactly those, without duplicates', async () => {
    const targets = await emailTickets(2);
    const res = await submit(
      targets.map((t) => t.id),
      { body: 'Hi' },
    );
    const down = smtpMailer('smtp://127.0.0.1:1');
    let handed = 0;
    const flaky: ReplyMailer = { send: (m) => (++handed <= 2 ? mailer.send(m) : down.send(m)), close: () => undefined };
    await runJob(db, res.body.id, { mailers: through(flaky), delivery: { retryDelaysMs: [] } });
    down.close();
    let job = (await server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin })).body;
    expect(job).toMatchObject({ status: 'completed', delivery: { total: 6, counts: { sent: 2, failed: 4 } } });
    expect(peer.received).toHaveLength(2);

    // R-PERM-5: the lead holds no ticket.bulk_reply, so the bulk reply is not even in their history.
    const agentTry = await server.request('POST', `/api/v1/jobs/${res.body.id}/resend`, { token: world.tokens.lead });
    expect(agentTry.status).toBe(404);
    const resent = await server.request('POST', `/api/v1/jobs/${res.body.id}/resend`, { token: world.tokens.admin });
    expect(resent.status).toBe(202);
    expect(resent.body.status).toBe('queued');
    await run(res.body.id);
    job = (await server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin })).body;
    expect(job).toMatchObject({ status: 'completed', delivery: { total: 6, counts: { sent: 6 }, problems: [] } });
    expect(peer.received).toHaveLength(6);
    expect(new Set(peer.received.map((r) => `${r.mail.messageId} ${r.to[0]}`)).size).toBe(6);
    expect((await server.request('POST', `/api/v1/jobs/${res.body.id}/resend`, { token: world.tokens.admin })).status).toBe(409);
  });

  it('a crash while a message is handed over leaves that recipient uncertain, never resent; the resumed job sends the rest once', async () => {
    const targets = await emailTickets(2);
    const res = await submit(
      targets.map((t) => t.id),
      { body: 'Hi' },
    );
    let handed = 0;
    const dying: ReplyMailer = {
      send: async (message) => {
        if (++handed === 3) throw new Error('the process died while handing this one over');
        return mailer.send(message);
      },
      close: () => undefined,
    };
    await expect(runJob(db, res.body.id, { mailers: through(dying) })).rejects.toThrow('the process died');
    expect(peer.received).toHaveLength(2);
    await run(res.body.id);
    const statuses = (await db.select().from(replyRecipients).where(eq(replyRecipients.jobId, res.body.id))).map((r) => r.status);
    expect(statuses.filter((s) => s === 'uncertain')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'sent')).toHaveLength(5);
    expect(peer.received).toHaveLength(5);
    expect(new Set(peer.received.map((r) => `${r.mail.messageId} ${r.to[0]}`)).size).toBe(5);
  });
});

describe.each(databaseKinds)('the undo window of a bulk reply on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let peer: SmtpPeer;
  let mailer: ReplyMailer;

  beforeAll(async () => {
    peer = new SmtpPeer();
    await peer.start();
    mailer = smtpMailer(peer.url);
    ({ server, world } = await startWorld(kind, { jobs: 'run', worker: { mailers: new Mailers(peer.url, () => mailer), replyUndoSeconds: 2 } }));
  });
  afterAll(async () => {
    await server.close();
    mailer.close();
    await peer.stop();
  });

  const submit = () =>
    server.request('POST', '/api/v1/jobs', {
      token: world.tokens.admin,
      body: { operation: 'reply', departmentId: world.departments.support.id, ticketIds: [world.tickets[0]!.id], payload: { body: 'Hi {{contact.name}}' } },
    });
  const jobOf = async (id: number) => (await server.request('GET', `/api/v1/jobs/${id}`, { token: world.tokens.admin })).body;

  it('Undo within the window cancels the reply with nothing sent; otherwise it leaves after the window, and then cannot be cancelled (R-BULK-8)', async () => {
    const undone = await submit();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await jobOf(undone.body.id)).status).toBe('queued');
    const cancelled = await server.request('DELETE', `/api/v1/jobs/${undone.body.id}`, { token: world.tokens.admin });
    expect(cancelled.body.status).toBe('cancelled');

    const sent = await submit();
    const started = Date.now();
    await expect.poll(async () => (await jobOf(sent.body.id)).status, { timeout: 20_000, interval: 100 }).toBe('completed');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect((await server.request('DELETE', `/api/v1/jobs/${sent.body.id}`, { token: world.tokens.admin })).status).toBe(409);
    expect(peer.received).toHaveLength(1);
    expect((await jobOf(undone.body.id)).delivery.total).toBe(0);
  }, 30_000);
});
