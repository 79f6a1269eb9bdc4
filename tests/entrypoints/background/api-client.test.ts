import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, call } from '../../../entrypoints/background/api-client';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/api/v1/me' && req.headers.authorization === 'Bearer idk_good-token-000') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    } else if (req.url?.startsWith('/api/v1/me')) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":{"code":"UNAUTHORIZED","message":"x"}}');
    } else if (req.url === '/api/v1/rule') {
      res.writeHead(422, { 'Content-Type': 'application/json' }).end('{"error":{"code":"RULE_VIOLATION","message":"21 secondary contacts","rule":"R-CC-2"}}');
    } else if (req.url === '/api/v1/broken') {
      res.writeHead(503).end('down');
    } else {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server.close());

const failure = async (path: string, url = base, token = 'idk_good-token-000') => {
  try {
    await call({ backendUrl: url, token }, (api) => api.get(path, { retry: 0 }).json());
  } catch (error) {
    return error as ApiCallError;
  }
  throw new Error('expected a failure');
};

describe('backend calls fail with a message the agent can act on', () => {
  it('a good token gets through', async () => {
    expect(await call({ backendUrl: base, token: 'idk_good-token-000' }, (api) => api.get('me').json())).toEqual({ ok: true });
  });

  it('a refused token says so (401), not worth retrying', async () => {
    const error = await failure('me', base, 'idk_bad-token-0000');
    expect(error.message).toContain('refused the API token (401)');
    expect(error.transient).toBe(false);
  });

  it('a URL that is not an Inbox Desk backend is named as such', async () => {
    const error = await failure('elsewhere');
    expect(error.message).toContain('does not look like an Inbox Desk backend');
    expect(error.transient).toBe(false);
  });

  it("the backend's own refusal keeps its code and rule", async () => {
    const error = await failure('rule');
    expect(error.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-CC-2' });
  });

  it('a server error or an unreachable server is transient', async () => {
    expect((await failure('broken')).transient).toBe(true);
    const unreachable = await failure('me', 'http://127.0.0.1:9');
    expect(unreachable.message).toContain('Cannot reach the backend at http://127.0.0.1:9');
    expect(unreachable.transient).toBe(true);
  });
});
