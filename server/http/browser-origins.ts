import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const EXTENSION_SCHEME = 'chrome-extension://';
const ALLOW_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key'];

/**
 * Which browser origins may call /api/*. With CORS_ORIGINS empty, any Chrome extension may (a store
 * or policy install has an id nobody knows in advance; the bearer token is still required, and it
 * lives only in our extension's background); with CORS_ORIGINS set, only the origins it lists.
 * Web pages are never allowed unless listed: the API stays closed to them.
 */
export function originAllowed(origin: string, configured: readonly string[]): boolean {
  return configured.length === 0 ? origin.startsWith(EXTENSION_SCHEME) : configured.includes(origin);
}

function refusal(origin: string) {
  return {
    error: {
      code: 'FORBIDDEN' as const,
      message: `This backend does not accept calls from ${origin}: add it to CORS_ORIGINS (comma-separated, or leave CORS_ORIGINS empty to accept any Chrome extension) and restart the backend.`,
      details: { refusedOrigin: origin },
    },
  };
}

/**
 * CORS for the allowed origins, and a refusal the server enforces (403 before any route) for the
 * others, so a page cannot make the API act even with a request the browser lets through unread.
 * A refused extension may read why (it is shown on its options page); a refused web page learns nothing.
 */
export function browserOrigins(configured: readonly string[]): MiddlewareHandler {
  const allowed = cors({ origin: (origin) => (originAllowed(origin, configured) ? origin : null), allowHeaders: ALLOW_HEADERS });
  const readableRefusal = cors({ origin: (origin) => origin, allowHeaders: ALLOW_HEADERS });
  return async (c, next) => {
    const origin = c.req.header('Origin');
    // Scripts, the CLI and mail servers send no Origin: the bearer token alone decides.
    if (!origin || originAllowed(origin, configured)) return allowed(c, next);
    const body = refusal(origin);
    if (!origin.startsWith(EXTENSION_SCHEME)) return c.json(body, 403);
    // The preflight passes so that the request itself reaches the refusal below with its reason.
    return readableRefusal(c, async () => {
      c.res = c.json(body, 403);
    });
  };
}
