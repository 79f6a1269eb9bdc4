import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeError, knownFailure } from '../../../server/http/error-report';
import type { TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** Text and dates the database cannot hold, or that break mail headers, are refused at the API boundary (issue 21, item 7). */
describe('bad text and dates answer 400 naming the field, never 500', () => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld('pglite')));
  afterAll(() => server.close());

  const newTicket = (overrides: Record<string, unknown>) => ({
    departmentId: world.departments.support.id,
    channel: 'email',
    subject: 'Printer on fire',
    contact: { email: 'carol@customer.test', name: 'Carol' },
    ...overrides,
  });

  const issuePaths = (body: { error: { details?: { issues?: { path: string; message: string }[] } } }) => body.error.details?.issues?.map((i) => `${i.path}: ${i.message}`) ?? [];

  it('a ticket subject with a NUL byte is refused, the answer naming body.subject and the NUL', async () => {
    const res = await server.request('POST', '/api/v1/tickets', { token: world.tokens.admin, body: newTicket({ subject: 'Printer\u0000 on fire' }) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(issuePaths(res.body)).toEqual(['body.subject: contains a NUL character (U+0000), which cannot be stored: remove it']);
  });

  it('a comment with a lone UTF-16 surrogate is refused with 400', async () => {
    const ticket = world.tickets[0]!;
    // JSON can spell half a surrogate pair; the database has no UTF-8 for it.
    const raw = '{"visibility":"private","body":"Refund sent \\ud83d today"}';
    const res = await server.request('POST', `/api/v1/tickets/${ticket.id}/comments`, { token: world.tokens.admin, body: raw });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual(['body.body: contains an unpaired surrogate (half of a UTF-16 pair, not a character): send well-formed Unicode']);
  });

  it('a sync from year 0 (updatedSince=0000-01-01) is refused with 400, a year inside the range answers', async () => {
    const res = await server.request('GET', `/api/v1/tickets?updatedSince=${encodeURIComponent('0000-01-01T00:00:00Z')}`, { token: world.tokens.admin });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual(['query.updatedSince: must be a date in the years 1900–9999 (UTC)']);
    const ok = await server.request('GET', `/api/v1/tickets?updatedSince=${encodeURIComponent('1970-01-01T00:00:00Z')}`, { token: world.tokens.admin });
    expect(ok.status).toBe(200);
  });

  it('a first thread whose Message-ID holds CR/LF is refused: replies would quote it in In-Reply-To and References', async () => {
    const firstThread = { bodyText: 'Hello', messageId: '<abc@mail.test>\r\nBcc: everyone@corp.test' };
    const res = await server.request('POST', '/api/v1/tickets', { token: world.tokens.admin, body: newTicket({ firstThread }) });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual(['body.firstThread.messageId: contains a line break (CR or LF), which a mail header cannot hold: send one line']);
  });

  it('a ticket subject with a line break is refused too: it becomes the Subject of every reply', async () => {
    const res = await server.request('POST', '/api/v1/tickets', { token: world.tokens.admin, body: newTicket({ subject: 'Hi\r\nBcc: x@evil.test' }) });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual(['body.subject: contains a line break (CR or LF), which a mail header cannot hold: send one line']);
  });

  it('a database refusal of a value (year 0 cast) is a 400 VALIDATION with the SQLSTATE, not a 500', async () => {
    const error = await server.database.db.execute(sql`select ${'0000-01-01'}::timestamptz`).catch((e: unknown) => e);
    const failure = knownFailure(error);
    expect(failure?.status).toBe(400);
    expect(failure?.toBody().error).toMatchObject({ code: 'VALIDATION', details: { sqlState: '22008' } });
  });
});

describe('a failed write is logged with its SQL, never its parameters (issue 21, item 7)', () => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    ({ server, world } = await startWorld('pglite'));
    // The write fails as a full disk or a broken replica would: for a reason of the server, not of the request.
    const { db } = server.database;
    await db.execute(
      sql.raw(`create function refuse_write() returns trigger language plpgsql as $$ begin raise exception 'could not extend file: No space left on device'; end $$`),
    );
    await db.execute(sql.raw('create trigger mailboxes_refuse before insert on mailboxes for each row execute function refuse_write()'));
  });
  afterAll(() => server.close());

  it('adding an IMAP mailbox that cannot be stored answers 500 with a request id; the log holds the SQL, not the password', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    try {
      const mailbox = { host: 'imap.acme.test', port: 993, secure: true, username: 'support-imap-user', auth: 'password', secret: 'Tr0ub4dor&3-imap-password' };
      const res = await server.request('POST', `/api/v1/departments/${world.departments.support.id}/mailboxes`, { token: world.tokens.admin, body: mailbox });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('INTERNAL');
      const log = lines.join('\n');
      expect(log).toContain('insert into "mailboxes"');
      expect(log).toContain('P0001');
      expect(log).not.toContain('Tr0ub4dor&3-imap-password');
      expect(log).not.toContain('support-imap-user');
      expect(JSON.stringify(res.body)).not.toContain('insert into');
    } finally {
      spy.mockRestore();
    }
  });

  it('describeError keeps the stack frames but drops the message line that lists parameters', async () => {
    const error = await server.database.db.execute(sql`select ${'secret-value-42'}::int`).catch((e: unknown) => e);
    const text = describeError(error);
    expect(text).toContain('22P02');
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain('secret-value-42');
  });
});
