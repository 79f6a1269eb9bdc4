import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { session } from '../../../core/contracts/session';
import { callWith, toApiCallError } from '../../../entrypoints/background/api-client';
import { diagnose, hostPermissionOf, type ConnectionProbes } from '../../../entrypoints/background/connection-check';

const OWN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const json = (status: number, body: unknown) => [status, { 'Content-Type': 'application/json' }, JSON.stringify(body)] as const;

/** Each path prefix is one kind of server a person may point the extension at. */
const answers: Record<string, readonly [number, Record<string, string>, string]> = {
  '/token': json(401, { error: { code: 'UNAUTHORIZED', message: 'Invalid or revoked API token.' } }),
  '/pinned': json(403, { error: { code: 'FORBIDDEN', message: 'add it to CORS_ORIGINS', details: { refusedOrigin: OWN } } }),
  '/html404': [404, { 'Content-Type': 'text/html' }, '<h1>Not found</h1>'],
  '/html200': [200, { 'Content-Type': 'text/html' }, '<html>intranet</html>'],
  '/otherjson': json(200, { hello: 'world' }),
  '/rule': json(403, { error: { code: 'FORBIDDEN', message: 'This agent is deactivated.' } }),
};

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const [status, headers, body] = answers[`/${req.url!.split('/')[1]}`]!;
    res.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server.close());

const probes = (reachable: boolean, permitted: boolean): ConnectionProbes & { asked: string[] } => {
  const asked: string[] = [];
  return {
    ownOrigin: OWN,
    asked,
    reachable: async (url) => (asked.push(url), reachable),
    permitted: async (pattern) => (asked.push(pattern), permitted),
  };
};

/** GET /me against one of the servers above, and what the options page is told. */
async function failureAt(backendUrl: string, probe = probes(true, false)) {
  const error = await callWith({ backendUrl, token: 'idk_some-token-000' }, session.me, {}).then(
    () => null,
    (e: unknown) => e,
  );
  return diagnose(error, backendUrl, probe);
}

describe('why a connection failed', () => {
  it('a refused token is named as such, not as an unreachable server', async () => {
    expect(await failureAt(`${base}/token`)).toEqual({ kind: 'tokenRefused' });
  });

  it('a backend pinned to other extensions names the origin to add to CORS_ORIGINS', async () => {
    expect(await failureAt(`${base}/pinned`)).toEqual({ kind: 'originRefused', origin: OWN });
  });

  it('another web server (HTML 404, HTML 200, someone else’s JSON) is "not an Inbox Desk backend"', async () => {
    for (const path of ['/html404', '/html200', '/otherjson']) expect(await failureAt(`${base}${path}`), path).toEqual({ kind: 'notBackend' });
  });

  it('a 403 of the backend’s own (a deactivated agent) keeps the backend’s message', async () => {
    expect(await failureAt(`${base}/rule`)).toBeNull();
  });

  it('nothing listening is "unreachable", after an opaque request confirmed it', async () => {
    const probe = probes(false, false);
    expect(await failureAt('http://127.0.0.1:9', probe)).toEqual({ kind: 'unreachable' });
    expect(probe.asked).toEqual(['http://127.0.0.1:9']);
  });

  it('a reachable server whose answer CORS withheld asks for the host permission of every port of its host', async () => {
    const blocked = toApiCallError(new TypeError('Failed to fetch'), 'https://desk.example.com:8443');
    const probe = probes(true, false);
    expect(await diagnose(blocked, 'https://desk.example.com:8443', probe)).toEqual({ kind: 'permissionNeeded', pattern: 'https://desk.example.com/*' });
    expect(probe.asked).toEqual(['https://desk.example.com:8443', 'https://desk.example.com/*']);
  });

  it('with the permission granted, a withheld answer can only be the backend refusing this origin', async () => {
    const blocked = toApiCallError(new TypeError('Failed to fetch'), 'https://desk.example.com');
    expect(await diagnose(blocked, 'https://desk.example.com', probes(true, true))).toEqual({ kind: 'originRefused', origin: OWN });
  });

  it('host permission patterns keep the scheme and drop the port', () => {
    expect(hostPermissionOf('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
  });
});
