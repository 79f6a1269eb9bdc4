import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import type { Db } from '../../../server/db/client';
import { replyRecipients } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { dsnMessage, sentRecipient } from '../mail/dsn-fixture';
import { startWorld, type World } from '../world';

const SECRET = 'mail-server-secret-0123456789abcdef';

describe.each(databaseKinds)('bounces posted to /inbound/dsn are authenticated and matched (issue 21), on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { inboundSecret: SECRET }));
    db = server.database.db;
  });
  afterAll(() => server?.close());

  const post = (message: string, token: string) => server.request('POST', '/api/v1/inbound/dsn', { token, body: { message } });
  const recipient = (address: string) => sentRecipient(db, world.departments.support.id, world.contacts.alice.id, address);
  const statusOf = async (id: number) => (await db.select().from(replyRecipients).where(eq(replyRecipients.id, id)))[0]!.status;
  const unknownToken = () => randomBytes(16).toString('base64url');

  it('R-PERM-5 an agent without settings.manage in the ticket’s department is refused 403, naming what is needed; nothing is bounced', async () => {
    const gone = await recipient('gone1@customer.test');
    const lead = await post(dsnMessage({ token: gone.token, finalRecipient: gone.address }), world.tokens.lead);
    expect(lead.status).toBe(403);
    expect(lead.body.error.message).toContain('INBOUND_DSN_SECRET');
    expect(lead.body.error.message).toContain('settings.manage');
    expect(await statusOf(gone.id)).toBe('sent');
    // The same 403 for a token no recipient has: the refusal does not tell whether the recipient exists.
    const unknown = await post(dsnMessage({ token: unknownToken(), finalRecipient: gone.address }), world.tokens.lead);
    expect(unknown).toMatchObject({ status: 403, body: lead.body });
    const outsider = await post(dsnMessage({ token: gone.token, finalRecipient: gone.address }), world.tokens.viewer);
    expect(outsider).toMatchObject({ status: 403, body: lead.body });
  });

  it('the inbound secret is accepted and bounces the recipient; the answer names no address and no id', async () => {
    const gone = await recipient('gone2@customer.test');
    const res = await post(dsnMessage({ token: gone.token, finalRecipient: gone.address, via: 'verp' }), SECRET);
    expect(res).toMatchObject({ status: 200, body: { accepted: true, bounced: true } });
    expect(Object.keys(res.body).sort()).toEqual(['accepted', 'bounced']);
    expect(JSON.stringify(res.body)).not.toContain('gone2');
    expect(await statusOf(gone.id)).toBe('bounced');
  });

  it('a report whose Final-Recipient is another address bounces nobody and answers exactly as an unknown token', async () => {
    const gone = await recipient('gone3@customer.test');
    const forged = await post(dsnMessage({ token: gone.token, finalRecipient: 'someone-else@customer.test' }), SECRET);
    const unknown = await post(dsnMessage({ token: unknownToken(), finalRecipient: 'someone-else@customer.test' }), SECRET);
    expect(forged.status).toBe(422);
    expect(forged).toMatchObject({ status: unknown.status, body: unknown.body });
    expect(await statusOf(gone.id)).toBe('sent');
    // For an agent who may post bounces in that department, a forged report is the same 403 as an unknown token.
    const byAdmin = await post(dsnMessage({ token: gone.token, finalRecipient: 'someone-else@customer.test' }), world.tokens.admin);
    const unknownByAdmin = await post(dsnMessage({ token: unknownToken(), finalRecipient: 'someone-else@customer.test' }), world.tokens.admin);
    expect(byAdmin).toMatchObject({ status: 403, body: unknownByAdmin.body });
    expect(await statusOf(gone.id)).toBe('sent');
  });

  it('a correct report from an admin of the department bounces the recipient; the address matches in any case and by Original-Recipient', async () => {
    const gone = await recipient('Gone4@Customer.test');
    const res = await post(dsnMessage({ token: gone.token, originalRecipient: '<gone4@customer.TEST>', finalRecipient: 'rewritten@mx.customer.test' }), world.tokens.admin);
    expect(res).toMatchObject({ status: 200, body: { accepted: true, bounced: true } });
    expect(JSON.stringify(res.body)).not.toMatch(/gone4|recipientId/i);
    expect(await statusOf(gone.id)).toBe('bounced');
  });

  it('a delay notice is accepted and changes nothing; a message without our token is refused 422', async () => {
    const slow = await recipient('slow@customer.test');
    const res = await post(dsnMessage({ token: slow.token, finalRecipient: slow.address, action: 'delayed' }), SECRET);
    expect(res).toMatchObject({ status: 200, body: { accepted: true, bounced: false } });
    expect(await statusOf(slow.id)).toBe('sent');
    const stranger = await post('Subject: hello\r\n\r\nnot a bounce', SECRET);
    expect(stranger.status).toBe(422);
  });

  it('a token that is neither an agent’s nor the inbound secret is 401, and says how a mail server authenticates', async () => {
    const gone = await recipient('gone5@customer.test');
    const res = await post(dsnMessage({ token: gone.token, finalRecipient: gone.address }), `${SECRET}x`);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('INBOUND_DSN_SECRET');
    expect(await statusOf(gone.id)).toBe('sent');
  });
});

describe.each(databaseKinds)('without INBOUND_DSN_SECRET, on %s', (kind) => {
  it('no bearer token is taken for the secret: only agents post bounces', async () => {
    const { server, world } = await startWorld(kind);
    try {
      const gone = await sentRecipient(server.database.db, world.departments.support.id, world.contacts.alice.id, 'gone6@customer.test');
      const message = dsnMessage({ token: gone.token, finalRecipient: gone.address });
      expect((await server.request('POST', '/api/v1/inbound/dsn', { token: SECRET, body: { message } })).status).toBe(401);
      expect((await server.request('POST', '/api/v1/inbound/dsn', { token: world.tokens.admin, body: { message } })).body).toEqual({ accepted: true, bounced: true });
    } finally {
      await server.close();
    }
  });
});

describe('INBOUND_DSN_SECRET in the environment', () => {
  it('a secret shorter than 32 characters stops the start with a message naming the variable', () => {
    expect(() => loadConfig({ INBOUND_DSN_SECRET: 'short' })).toThrow(/INBOUND_DSN_SECRET: must be at least 32 characters/);
    expect(loadConfig({ INBOUND_DSN_SECRET: SECRET }).INBOUND_DSN_SECRET).toBe(SECRET);
  });
});
