import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, replyRecipients, tickets } from '../../../server/db/schema';
import { Mailers } from '../../../server/mail/mailers';
import { smtpMailer, type ReplyMailer } from '../../../server/mail/smtp-mailer';
import { runJob } from '../../../server/jobs/job-runner';
import { databaseKinds, peerEnv, type TestServer } from '../harness';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';

const PUBLIC_URL = 'https://desk.acme.test';
const PIXEL = new RegExp(`<img src="${PUBLIC_URL.replace(/\./g, '\\.')}/r/([A-Za-z0-9_-]{22})\\.gif"`);

describe.each(databaseKinds)('read receipts on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let peer: SmtpPeer;
  let mailer: ReplyMailer;
  let n = 0;

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

  const api = (method: string, path: string, body?: unknown, token = world.tokens.admin) =>
    server.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  const pixel = (token: string, client = '192.0.2.1') => server.app.request(`/r/${token}.gif`, {}, peerEnv(client));
  const setReceipts = (department: keyof World['departments'], receipts: boolean) => api('PATCH', `/departments/${world.departments[department].id}/features`, { receipts });

  /** A ticket from its own customer, CCing a colleague, replied to and delivered through the SMTP peer. */
  async function repliedTicket(options: { department?: keyof World['departments']; channel?: string } = {}) {
    n += 1;
    const [customer] = await db
      .insert(contacts)
      .values({ email: `customer${n}.${kind}@customer.example`, name: `Customer ${n}` })
      .returning();
    const [ticket] = await db
      .insert(tickets)
      .values({
        departmentId: world.departments[options.department ?? 'support'].id,
        channel: options.channel ?? 'email',
        contactId: customer!.id,
        subject: `Question ${n}`,
        lastThreadChannel: 'email',
        ccAddresses: [`boss${n}@customer.example`],
      })
      .returning();
    const job = await api('POST', '/jobs', { operation: 'reply', departmentId: ticket!.departmentId, ticketIds: [ticket!.id], payload: { body: '<p>Fixed.</p>' } });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    await runJob(db, job.body.id, { mailers: new Mailers('smtp://unused.invalid', () => mailer), delivery: { retryDelaysMs: [], publicUrl: PUBLIC_URL } });
    return { ticket: ticket!, customer: customer!, boss: `boss${n}@customer.example` };
  }
  const receipts = async (ticketId: number, token = world.tokens.admin) => (await api('GET', `/tickets/${ticketId}/receipts`, undefined, token)).body;
  const tokenSentTo = (address: string) => PIXEL.exec(peer.received.find((m) => m.to[0] === address)!.mail.html as string)?.[1];

  it('R-RCPT-2 every recipient of a reply on an e-mail ticket gets its own image, whose URL names neither the address nor the ticket', async () => {
    const { ticket, customer, boss } = await repliedTicket();
    expect(peer.received).toHaveLength(2);
    const mine = tokenSentTo(customer.email!);
    const theirs = tokenSentTo(boss);
    expect(mine).toBeDefined();
    expect(theirs).toBeDefined();
    expect(mine).not.toBe(theirs);
    // The URL is the public address and the recipient's random token, nothing else.
    const rows = await db.select().from(replyRecipients).where(eq(replyRecipients.ticketId, ticket.id));
    for (const { to, mail } of peer.received) {
      const row = rows.find((r) => r.address === to[0])!;
      expect(PIXEL.exec(mail.html as string)![0]).toBe(`<img src="${PUBLIC_URL}/r/${row.openToken}.gif"`);
    }
    // The bounce token is another one: whoever handles a bounce cannot fake an open.
    expect(rows.every((row) => row.openToken !== row.token)).toBe(true);
    const body = await receipts(ticket.id);
    expect(body.enabled).toBe(true);
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]).toMatchObject({ mark: 'delivered', subject: `Re: ${ticket.subject}` });
    expect(body.messages[0].recipients).toEqual([
      expect.objectContaining({ address: customer.email, kind: 'to', state: 'delivered', deliveredAt: expect.any(String), openCount: 0, firstOpenedAt: null }),
      expect.objectContaining({ address: boss, kind: 'cc', state: 'delivered' }),
    ]);
  });

  it('R-RCPT-3 R-RCPT-5 the image records first and last open and the count; the mark climbs from some To to all', async () => {
    const { ticket, customer, boss } = await repliedTicket();
    const token = tokenSentTo(customer.email!)!;
    const first = await pixel(token);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/gif');
    expect(first.headers.get('cache-control')).toContain('no-store');
    await pixel(token);
    let body = await receipts(ticket.id);
    const opened = body.messages[0].recipients.find((r: { address: string }) => r.address === customer.email);
    expect(opened).toMatchObject({ state: 'opened', openCount: 2 });
    expect(Date.parse(opened.lastOpenedAt)).toBeGreaterThanOrEqual(Date.parse(opened.firstOpenedAt));
    expect(body.messages[0].mark).toBe('opened_some_to');
    await pixel(tokenSentTo(boss)!);
    body = await receipts(ticket.id);
    expect(body.messages[0].mark).toBe('opened');
  });

  it('the image answers an unknown or malformed token exactly as a known one, and records nothing', async () => {
    const { ticket, customer } = await repliedTicket();
    const known = await pixel(tokenSentTo(customer.email!)!);
    for (const other of ['AAAAAAAAAAAAAAAAAAAAAA', 'not-a-token', "x' or 1=1 --"]) {
      const res = await server.app.request(`/r/${encodeURIComponent(other)}.gif`);
      expect(res.status).toBe(known.status);
      expect(Object.fromEntries(res.headers)).toEqual(Object.fromEntries(known.headers));
      expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(await known.clone().arrayBuffer()));
    }
    const rows = await db.select().from(replyRecipients).where(eq(replyRecipients.ticketId, ticket.id));
    expect(rows.map((r) => r.openCount).sort()).toEqual([0, 1]);
  });

  it('R-RCPT-2 replies on tickets that did not come by e-mail are not tracked', async () => {
    const { ticket } = await repliedTicket({ channel: 'web' });
    expect(peer.received).toHaveLength(2);
    expect(peer.received.every((m) => !PIXEL.test(m.mail.html as string))).toBe(true);
    expect(await receipts(ticket.id)).toEqual({ enabled: true, messages: [] });
  });

  it('R-RCPT-1 a department with receipts off (the default) sends no image', async () => {
    const { ticket } = await repliedTicket({ department: 'returns' });
    expect(peer.received.every((m) => !PIXEL.test(m.mail.html as string))).toBe(true);
    expect(await receipts(ticket.id)).toEqual({ enabled: false, messages: [] });
  });

  it('R-RCPT-9 turning receipts off hides every mark of the department, old ones too, and stops recording opens', async () => {
    const { ticket, customer } = await repliedTicket();
    const token = tokenSentTo(customer.email!)!;
    await pixel(token);
    expect((await setReceipts('support', false)).body.features.receipts).toBe(false);
    try {
      expect(await receipts(ticket.id)).toEqual({ enabled: false, messages: [] });
      await pixel(token);
    } finally {
      await setReceipts('support', true);
    }
    const back = await receipts(ticket.id);
    expect(back.messages[0].recipients.find((r: { address: string }) => r.address === customer.email).openCount).toBe(1);
  });

  it("R-RCPT-3 R-RCPT-6 a refused recipient is failed with the server's words, a bounce is bounced; the mark speaks of the rest", async () => {
    n += 1;
    peer.refuse.add(`boss${n}@customer.example`);
    n -= 1;
    const { ticket, customer, boss } = await repliedTicket();
    let body = await receipts(ticket.id);
    expect(body.messages[0].mark).toBe('delivered');
    expect(body.messages[0].recipients.find((r: { address: string }) => r.address === boss)).toMatchObject({
      state: 'failed',
      detail: expect.stringContaining('550'),
      problemAt: expect.any(String),
    });
    const [row] = await db.select().from(replyRecipients).where(eq(replyRecipients.address, customer.email!));
    const dsn = [
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      `Final-Recipient: rfc822; ${customer.email}`,
      'Action: failed',
      'Status: 5.2.2',
      'Diagnostic-Code: smtp; 552 mailbox full',
      '',
      '--b',
      'Content-Type: text/rfc822-headers',
      '',
      `X-Inbox-Desk-Token: ${row!.token}`,
      '',
      '--b--',
    ].join('\r\n');
    expect((await api('POST', '/inbound/dsn', { message: dsn })).status).toBe(200);
    body = await receipts(ticket.id);
    expect(body.messages[0].mark).toBe('failed');
    expect(body.messages[0].recipients.find((r: { address: string }) => r.address === customer.email)).toMatchObject({
      state: 'bounced',
      detail: expect.stringContaining('mailbox full'),
    });
  });

  it('R-PERM-5 receipts of a ticket in a department the agent cannot view are 403', async () => {
    const billing = world.tickets.find((t) => t.departmentId === world.departments.billing.id)!;
    expect((await api('GET', `/tickets/${billing.id}/receipts`, undefined, world.tokens.agent)).status).toBe(403);
  });

  describe('PATCH /departments/:id/features', () => {
    it('R-RCPT-1 only an admin (settings.manage) switches receipts', async () => {
      const refused = await api('PATCH', `/departments/${world.departments.returns.id}/features`, { receipts: true }, world.tokens.agent);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('settings.manage');
      const res = await setReceipts('returns', true);
      expect(res.status).toBe(200);
      expect(res.body.features).toMatchObject({ receipts: true, cc: false });
      expect(res.body).not.toHaveProperty('smtpUrl');
      await setReceipts('returns', false);
    });

    it('R-CC-1 secondary contacts cannot be turned on without the help center', async () => {
      const res = await api('PATCH', `/departments/${world.departments.billing.id}/features`, { cc: true });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ rule: 'R-CC-1', message: expect.stringContaining('help center') });
      expect((await api('PATCH', `/departments/${world.departments.billing.id}/features`, {})).status).toBe(400);
    });
  });

  it('the image endpoint is rate-limited per client', async () => {
    const answers = [];
    for (let i = 0; i < 301; i++) answers.push((await pixel('AAAAAAAAAAAAAAAAAAAAAA', '192.0.2.66')).status);
    expect(answers.slice(0, 300).every((s) => s === 200)).toBe(true);
    expect(answers[300]).toBe(429);
    expect((await pixel('AAAAAAAAAAAAAAAAAAAAAA', '192.0.2.67')).status).toBe(200);
  });
});
