import { createServer, type AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { departments, ingestedMessages, mailboxes } from '../../../server/db/schema';
import { openSecret } from '../../../server/secrets/stored-secrets';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

const SECRET = 'app-password-never-shown';

/** A port nothing listens on: bound once to learn a free number, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.each(databaseKinds)('mailbox settings on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let n = 0;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
  });
  afterAll(() => server.close());

  const api = (method: string, path: string, body?: unknown, token = world.tokens.admin) =>
    server.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  const fields = (overrides: object = {}) => ({
    host: 'imap.gmail.com',
    port: 993,
    secure: true,
    username: `desk${++n}@acme.test`,
    auth: 'password',
    secret: SECRET,
    ...overrides,
  });
  const support = () => world.departments.support.id;
  async function created(overrides: object = {}, departmentId = support()) {
    const res = await api('POST', `/departments/${departmentId}/mailboxes`, fields(overrides));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  /** The secret as the server reads it back (stored encrypted: see tests/server/secrets). */
  const storedSecret = async (id: number) => openSecret((await db.select().from(mailboxes).where(eq(mailboxes.id, id)))[0]!.secret, 'mailbox');

  it('R-PERM-5 every mailbox route answers 403 naming settings.manage to agents without it, a lead included', async () => {
    const box = await created();
    const calls: [string, string, unknown?][] = [
      ['GET', `/departments/${support()}/mailboxes`],
      ['POST', `/departments/${support()}/mailboxes`, fields()],
      ['PATCH', `/mailboxes/${box.id}`, { enabled: false }],
      ['DELETE', `/mailboxes/${box.id}`],
      ['POST', `/departments/${support()}/mailboxes/test`, { mailboxId: box.id }],
      ['GET', `/mailboxes/${box.id}/recent`],
      ['GET', `/departments/${support()}/ingest-settings`],
      ['PATCH', `/departments/${support()}/ingest-settings`, { reopenOnReply: false }],
    ];
    for (const who of ['lead', 'agent', 'nobody'] as const) {
      for (const [method, path, body] of calls) {
        const res = await api(method, path, body, world.tokens[who]);
        expect(res.status, `${who} ${method} ${path}`).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
        expect(res.body.error.message).toContain('settings.manage');
      }
    }
    expect((await db.select().from(mailboxes).where(eq(mailboxes.id, box.id)))[0]).toMatchObject({ enabled: true });
  });

  it('an unknown department or mailbox is a 404', async () => {
    expect((await api('GET', '/departments/999999/mailboxes')).status).toBe(404);
    expect((await api('PATCH', '/mailboxes/999999', { enabled: false })).status).toBe(404);
    expect((await api('GET', '/mailboxes/999999/recent')).status).toBe(404);
  });

  it('refuses a bad port, auth or host, a missing secret and an empty change, naming the field', async () => {
    const path = `/departments/${support()}/mailboxes`;
    const refused = async (body: object, field: string, method = 'POST', at = path) => {
      const res = await api(method, at, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
    };
    await refused(fields({ port: 0 }), 'body.port');
    await refused(fields({ port: 65536 }), 'body.port');
    await refused(fields({ auth: 'basic' }), 'body.auth');
    await refused(fields({ host: 'imaps://imap.gmail.com/' }), 'body.host');
    const { secret: _, ...withoutSecret } = fields();
    await refused(withoutSecret, 'body.secret');
    const box = await created();
    const res = await api('PATCH', `/mailboxes/${box.id}`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Nothing to change');
  });

  it('never returns the secret: not on create, list, change or delete', async () => {
    const box = await created({ folder: 'Support' });
    expect(box).toMatchObject({
      departmentId: support(),
      host: 'imap.gmail.com',
      port: 993,
      secure: true,
      folder: 'Support',
      enabled: true,
      hasSecret: true,
      lastPolledAt: null,
      lastError: null,
    });
    const answers = [
      box,
      (await api('GET', `/departments/${support()}/mailboxes`)).body,
      (await api('PATCH', `/mailboxes/${box.id}`, { secret: `${SECRET}-2` })).body,
      (await api('DELETE', `/mailboxes/${box.id}`)).body,
    ];
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain(SECRET);
      expect(JSON.stringify(answer)).not.toContain('"secret"');
    }
  });

  it('a change without a secret keeps the saved one; a new one replaces it', async () => {
    const box = await created();
    const res = await api('PATCH', `/mailboxes/${box.id}`, { username: 'helpdesk@acme.test', auth: 'oauth2', folder: 'Support', enabled: false });
    expect(res.body).toMatchObject({ username: 'helpdesk@acme.test', auth: 'oauth2', folder: 'Support', enabled: false });
    expect(await storedSecret(box.id)).toBe(SECRET);
    await api('PATCH', `/mailboxes/${box.id}`, { secret: 'eyJ0eXAiOiJKV1Qi.token' });
    expect(await storedSecret(box.id)).toBe('eyJ0eXAiOiJKV1Qi.token');
  });

  it('the saved secret is never sent to another host or port, nor without TLS: such a change or test needs it again', async () => {
    const box = await created();
    const elsewhere = [{ host: 'imap.attacker.test' }, { port: 143 }, { secure: false }];
    for (const edits of elsewhere) {
      for (const [method, path, body] of [
        ['PATCH', `/mailboxes/${box.id}`, edits],
        ['POST', `/departments/${support()}/mailboxes/test`, { mailboxId: box.id, ...edits }],
      ] as const) {
        const res = await api(method, path, body);
        expect(res.status, `${method} ${JSON.stringify(edits)}`).toBe(400);
        expect(res.body.error.details.issues).toEqual([{ path: 'body.secret', message: expect.stringContaining('Enter the password or token again') }]);
      }
    }
    expect((await db.select().from(mailboxes).where(eq(mailboxes.id, box.id)))[0]).toMatchObject({ host: 'imap.gmail.com', port: 993, secure: true });
    const moved = await api('PATCH', `/mailboxes/${box.id}`, { host: 'IMAP.GMAIL.COM' });
    expect(moved.status, 'the same host in capitals is the same server').toBe(200);
    const res = await api('PATCH', `/mailboxes/${box.id}`, { host: 'outlook.office365.com', secret: 'new-secret' });
    expect(res.status).toBe(200);
    expect(await storedSecret(box.id)).toBe('new-secret');
  });

  it('reading another folder starts from its beginning and forgets the old error; toggling enabled does not', async () => {
    const box = await created();
    await db.update(mailboxes).set({ uidValidity: 7, lastUid: 42, lastError: 'Sign-in failed' }).where(eq(mailboxes.id, box.id));
    await api('PATCH', `/mailboxes/${box.id}`, { enabled: false });
    expect((await db.select().from(mailboxes).where(eq(mailboxes.id, box.id)))[0]).toMatchObject({ uidValidity: 7, lastUid: 42, lastError: 'Sign-in failed' });
    const res = await api('PATCH', `/mailboxes/${box.id}`, { folder: 'Support' });
    expect(res.body).toMatchObject({ folder: 'Support', lastError: null });
    expect((await db.select().from(mailboxes).where(eq(mailboxes.id, box.id)))[0]).toMatchObject({ uidValidity: null, lastUid: 0 });
  });

  it('lists only the department’s mailboxes, each with when it was last read and its last error', async () => {
    const returns = world.departments.returns.id;
    const box = await created({}, returns);
    await created({}, world.departments.billing.id);
    const polled = new Date('2026-03-01T09:30:00.000Z');
    await db.update(mailboxes).set({ lastPolledAt: polled, lastError: 'Server unreachable (ECONNREFUSED)' }).where(eq(mailboxes.id, box.id));
    const res = await api('GET', `/departments/${returns}/mailboxes`);
    expect(res.body.items).toEqual([expect.objectContaining({ id: box.id, lastPolledAt: polled.toISOString(), lastError: 'Server unreachable (ECONNREFUSED)' })]);
  });

  it('deletes a mailbox that read nothing, and only turns off one that did, keeping its record of read messages', async () => {
    const fresh = await created();
    expect((await api('DELETE', `/mailboxes/${fresh.id}`)).body).toEqual({ deleted: true, mailbox: null });
    expect(await db.select().from(mailboxes).where(eq(mailboxes.id, fresh.id))).toEqual([]);
    const used = await created();
    await db.insert(ingestedMessages).values({ mailboxId: used.id, messageId: '<a@customer.test>', uid: 1, outcome: 'ticket', ticketId: world.tickets[0]!.id });
    const res = await api('DELETE', `/mailboxes/${used.id}`);
    expect(res.body).toMatchObject({ deleted: false, mailbox: { id: used.id, enabled: false } });
    expect(await db.select().from(ingestedMessages).where(eq(ingestedMessages.mailboxId, used.id))).toHaveLength(1);
  });

  it('lists the last read messages newest first, with outcome, note and ticket number', async () => {
    const box = await created();
    const [ticket] = world.tickets;
    await db.insert(ingestedMessages).values([
      { mailboxId: box.id, messageId: '<1@customer.test>', uid: 1, outcome: 'ticket', ticketId: ticket!.id },
      { mailboxId: box.id, messageId: '<2@customer.test>', uid: 2, outcome: 'auto_reply', note: 'Auto-Submitted: auto-replied' },
      { mailboxId: box.id, messageId: '<3@customer.test>', uid: 3, outcome: 'thread', ticketId: ticket!.id },
    ]);
    const res = await api('GET', `/mailboxes/${box.id}/recent?limit=2`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ messageId: '<3@customer.test>', outcome: 'thread', ticketId: ticket!.id, ticketNumber: ticket!.number, note: null }),
      expect.objectContaining({ messageId: '<2@customer.test>', outcome: 'auto_reply', ticketId: null, ticketNumber: null, note: 'Auto-Submitted: auto-replied' }),
    ]);
    expect((await api('GET', `/mailboxes/${box.id}/recent?limit=0`)).status).toBe(400);
  });

  it('reads and sets the ingest settings within 1 KB–50 MB, per department (R-PERM-1)', async () => {
    const path = `/departments/${support()}/ingest-settings`;
    expect((await api('GET', path)).body).toEqual({ reopenOnReply: true, maxAttachmentBytes: 10 * 1024 * 1024 });
    for (const maxAttachmentBytes of [1023, 50 * 1024 * 1024 + 1, 1.5]) {
      expect((await api('PATCH', path, { maxAttachmentBytes })).status, String(maxAttachmentBytes)).toBe(400);
    }
    const res = await api('PATCH', path, { reopenOnReply: false, maxAttachmentBytes: 1024 });
    expect(res.body).toEqual({ reopenOnReply: false, maxAttachmentBytes: 1024 });
    const [billing] = await db.select().from(departments).where(eq(departments.id, world.departments.billing.id));
    expect(billing).toMatchObject({ reopenOnReply: true, maxAttachmentBytes: 10 * 1024 * 1024 });
  });

  it('a connection test to a closed port answers 200 with ok false and a clear reason', async () => {
    const port = await closedPort();
    const res = await api('POST', `/departments/${support()}/mailboxes/test`, fields({ host: '127.0.0.1', port, secure: false, folder: 'INBOX' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: false, message: expect.stringMatching(/unreachable \(ECONNREFUSED\).*port/i) });
  });

  it('tests a saved mailbox only within its own department', async () => {
    const box = await created({}, world.departments.billing.id);
    const res = await api('POST', `/departments/${support()}/mailboxes/test`, { mailboxId: box.id });
    expect(res.status).toBe(404);
  });
});
