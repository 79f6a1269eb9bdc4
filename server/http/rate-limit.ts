import type { MiddlewareHandler } from 'hono';
import { ApiFailure } from './api-failure';

/** The client's address as the proxy in front reports it, else the socket's; tests and local calls share one bucket. */
function clientOf(headers: Headers, fallback: string): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || fallback;
}

/**
 * At most `limit` requests per client per window, counted in this process: it keeps one client from
 * flooding an unauthenticated endpoint. Correctness never depends on it, so several instances each
 * counting their own share is fine.
 */
export function rateLimit(options: { limit: number; windowMs: number; what: string }): MiddlewareHandler {
  const counts = new Map<string, { windowStart: number; n: number }>();
  return async (c, next) => {
    const now = Date.now();
    const client = clientOf(c.req.raw.headers, 'local');
    const entry = counts.get(client);
    if (!entry || now - entry.windowStart >= options.windowMs) {
      if (counts.size > 10_000) counts.clear();
      counts.set(client, { windowStart: now, n: 1 });
    } else if (++entry.n > options.limit) {
      c.header('Retry-After', String(Math.ceil((entry.windowStart + options.windowMs - now) / 1000)));
      throw new ApiFailure(429, 'RATE_LIMITED', `Too many ${options.what} requests from this address; wait a minute and try again.`);
    }
    await next();
  };
}
