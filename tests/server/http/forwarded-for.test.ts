import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, peerEnv, type TestServer } from '../harness';

/** The open-pixel endpoint allows 300 requests per client per minute; the 301st is refused. */
const PIXEL = '/r/AAAAAAAAAAAAAAAAAAAAAA.gif';
const LIMIT = 300;

/** One image request as it arrives from the socket peer `peer`, carrying `forwardedFor`. */
const pixel = async (server: TestServer, peer: string, forwardedFor?: string) =>
  server.app.request(PIXEL, { headers: forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor } }, peerEnv(peer));

async function statuses(send: (i: number) => Promise<{ status: number }>, n = LIMIT + 1): Promise<number[]> {
  const out = [];
  for (let i = 0; i < n; i++) out.push((await send(i)).status);
  return out;
}

describe.each(databaseKinds)('rate limits key on the real client, not on what it claims (on %s)', (kind) => {
  let direct: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    direct = await createTestServer(kind);
    proxied = await createTestServer(kind, { trustedProxies: '10.0.0.0/8,::1' });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  it('a spoofed X-Forwarded-For from an untrusted peer does not change the limited key', async () => {
    const answers = await statuses((i) => pixel(direct, '203.0.113.7', `198.51.100.${i % 250}`));
    expect(answers.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(answers[LIMIT], 'the 301st request from one socket peer is refused').toBe(429);
    expect((await pixel(direct, '203.0.113.8')).status, 'another peer is not limited').toBe(200);
  });

  it('from a trusted proxy, the first untrusted address from the right is the client', async () => {
    // The client forges entries to the left; the proxy appends the address it saw.
    const viaProxy = (client: string, i = 0) => pixel(proxied, '10.0.0.2', `192.0.2.${i % 250}, ${client}`);
    const answers = await statuses((i) => viaProxy('198.51.100.20', i));
    expect(answers[LIMIT - 1]).toBe(200);
    expect(answers[LIMIT], 'one client behind the proxy is limited however it forges the left of the header').toBe(429);
    expect((await viaProxy('198.51.100.21')).status, 'another client behind the same proxy is not').toBe(200);
    const ipv6 = await pixel(proxied, '::1', '198.51.100.20');
    expect(ipv6.status, 'an IPv6 proxy passing on the same client').toBe(429);
  });

  it('over a real socket: X-Forwarded-For from a peer not in TRUSTED_PROXIES is ignored', async () => {
    const http: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: direct.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}${PIXEL}`;
      // 127.0.0.1 has used none of its budget yet; the socket's own address is the key.
      const answers = await statuses((i) => fetch(url, { headers: { 'X-Forwarded-For': `192.0.2.${i % 250}` } }));
      expect(answers[LIMIT - 1]).toBe(200);
      expect(answers[LIMIT]).toBe(429);
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
