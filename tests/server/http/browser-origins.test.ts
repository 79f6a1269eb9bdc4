import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { browserOrigins } from '../../../server/http/browser-origins';

const STORE_BUILD = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/** A stand-in route that says whether it ran: a refused origin must never reach it. */
function appWith(configured: string[]) {
  const app = new Hono();
  let reached = 0;
  app.use('/api/*', browserOrigins(configured));
  app.post('/api/v1/tickets', (c) => {
    reached++;
    return c.json({ ok: true });
  });
  return { app, reached: () => reached };
}

const post = (app: Hono, origin?: string) => app.request('/api/v1/tickets', { method: 'POST', headers: origin ? { Origin: origin } : {} });
const preflight = (app: Hono, origin: string) =>
  app.request('/api/v1/tickets', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' } });

describe('browser origins of the API', () => {
  it('without CORS_ORIGINS, a store build with an id nobody configured is answered with CORS', async () => {
    const { app, reached } = appWith([]);
    const pre = await preflight(app, STORE_BUILD);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('Access-Control-Allow-Origin')).toBe(STORE_BUILD);
    expect(pre.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
    const res = await post(app, STORE_BUILD);
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(STORE_BUILD);
    expect(reached()).toBe(1);
  });

  it('a web page is refused by the server itself (403, no CORS headers), not only by the browser', async () => {
    const { app, reached } = appWith([]);
    const res = await post(app, 'https://evil.test');
    expect(res.status).toBe(403);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect((await preflight(app, 'https://evil.test')).headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(reached()).toBe(0);
  });

  it('with CORS_ORIGINS set, another extension is refused with a reason it can read, naming the setting', async () => {
    const { app, reached } = appWith(['chrome-extension://pinnedpinnedpinnedpinnedpinnedpi']);
    expect((await preflight(app, STORE_BUILD)).headers.get('Access-Control-Allow-Origin')).toBe(STORE_BUILD);
    const res = await post(app, STORE_BUILD);
    expect(res.status).toBe(403);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(STORE_BUILD);
    const body = (await res.json()) as { error: { code: string; message: string; details: { refusedOrigin: string } } };
    expect(body.error.code).toBe('FORBIDDEN');
    expect(body.error.message).toContain('CORS_ORIGINS');
    expect(body.error.details.refusedOrigin).toBe(STORE_BUILD);
    expect(reached()).toBe(0);
    expect((await post(app, 'chrome-extension://pinnedpinnedpinnedpinnedpinnedpi')).status).toBe(200);
  });

  it('a listed web origin (an admin choice) and a request without Origin (CLI, scripts) pass', async () => {
    const { app, reached } = appWith(['https://desk.example.com']);
    expect((await post(app, 'https://desk.example.com')).status).toBe(200);
    expect((await post(app)).status).toBe(200);
    expect(reached()).toBe(2);
  });
});
