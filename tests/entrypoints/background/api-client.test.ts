import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resource } from '../../../core/contracts/contract';
import { IdParams } from '../../../core/schemas/api';
import { ApiCallError, callWith, withApi } from '../../../entrypoints/background/api-client';

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
    } else if (req.url?.startsWith('/api/v1/echo/')) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ method: req.method, url: req.url, extra: 'dropped' }));
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
    await withApi({ backendUrl: url, token }, (api) => api(path, { retry: 0 }).json());
  } catch (error) {
    return error as ApiCallError;
  }
  throw new Error('expected a failure');
};

describe('backend calls fail with a message the agent can act on', () => {
  it('a good token gets through', async () => {
    expect(await withApi({ backendUrl: base, token: 'idk_good-token-000' }, (api) => api('me').json())).toEqual({ ok: true });
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

const echo = resource('echo', 'test', {
  get: {
    method: 'get',
    path: '/echo/:id',
    summary: 'Answers how it was called',
    params: IdParams,
    query: z.object({ q: z.string().optional(), limit: z.number().optional() }).strict(),
    response: z.object({ method: z.string(), url: z.string() }),
  },
  post: { method: 'post', path: '/echo/x', summary: 'Takes a body', body: z.object({ n: z.number() }).strict(), response: z.object({ method: z.string() }) },
});
const connection = () => ({ backendUrl: base, token: 'idk_good-token-000' });

describe('a call through a contract', () => {
  it('fills the path, builds the query without unset values, and parses the answer with the response schema', async () => {
    const answer = await callWith(connection(), echo.get, { params: { id: 7 }, query: { q: 'a b', limit: undefined } });
    expect(answer).toEqual({ method: 'GET', url: '/api/v1/echo/7?q=a+b' });
  });

  it('refuses a wrong call before sending it, naming the contract and the field', async () => {
    const wrong = (run: () => Promise<unknown>) =>
      run().then(
        () => null,
        (error: ApiCallError) => [error.error.code, error.message],
      );
    expect(await wrong(() => callWith(connection(), echo.get, { params: { id: 0 }, query: {} }))).toEqual([
      'VALIDATION',
      'Invalid echo.get params: id: Too small: expected number to be >0',
    ]);
    expect(await wrong(() => callWith(connection(), echo.post, { body: { n: 1, other: 2 } as { n: number } }))).toEqual([
      'VALIDATION',
      'Invalid echo.post body: (value): Unrecognized key: "other"',
    ]);
    expect(await wrong(() => callWith(connection(), echo.post, { body: { n: 1 }, params: { id: 1 } } as never))).toEqual(['VALIDATION', 'echo.post takes no params.']);
  });
});
