import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../server/mailboxes/connection-test';
import { databaseKinds, type TestServer } from '../harness';
import { ImapPeer, imapUnavailable } from '../mail/imap-peer';
import { startWorld, type World } from '../world';

describe.skipIf(imapUnavailable !== null).each(databaseKinds)('mailbox connection test against dovecot on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let peer: ImapPeer;

  beforeAll(async () => {
    peer = new ImapPeer();
    await peer.start();
    ({ server, world } = await startWorld(kind));
  });
  afterAll(async () => {
    await server?.close();
    await peer?.close();
  });

  const test = (body: object) => server.request('POST', `/api/v1/departments/${world.departments.support.id}/mailboxes/test`, { token: world.tokens.admin, body });

  it('signs in, lists the folders and finds the one to read; dovecot is not Gmail', async () => {
    const res = await test(peer.settings());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, gmail: false, message: expect.stringContaining('"INBOX" exists') });
    expect(res.body.folders).toContain('INBOX');
    expect(res.body.capabilities).toContain('IDLE');
  });

  it('says the sign-in failed for a wrong password', async () => {
    const res = await test(peer.settings({ secret: 'wrong' }));
    expect(res.body).toEqual({ ok: false, message: expect.stringMatching(/^Sign-in failed: the server refused the username or password/) });
  });

  it('names a missing folder and lists the ones there are', async () => {
    const res = await test(peer.settings({ folder: 'Support' }));
    expect(res.body).toMatchObject({ ok: false, message: expect.stringContaining('no folder "Support"'), folders: ['INBOX'] });
  });

  it('tests a saved mailbox with its saved secret and the fields being edited', async () => {
    const { secret: _, ...shown } = peer.settings();
    const saved = await server.request('POST', `/api/v1/departments/${world.departments.support.id}/mailboxes`, {
      token: world.tokens.admin,
      body: { ...shown, secret: peer.password, folder: 'Old' },
    });
    expect(saved.status).toBe(201);
    expect((await test({ mailboxId: saved.body.id })).body).toMatchObject({ ok: false, message: expect.stringContaining('no folder "Old"') });
    expect((await test({ mailboxId: saved.body.id, folder: 'INBOX' })).body).toMatchObject({ ok: true });
  });
});

describe('connection test deadline', () => {
  let silent: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Accepts and never greets, like a firewall that swallows the session.
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('reports a server that never answers instead of waiting for it', async () => {
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    const result = await testConnection({ host: '127.0.0.1', port, secure: false, username: 'u', auth: 'password', secret: 'p', folder: 'INBOX' }, 500);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/did not (finish )?answer/) });
  });
});
