import type { MiddlewareHandler } from 'hono';
import { ApiFailure } from './api-failure';

/** The client's address as the proxy in front reports it, else the socket's; tests and local calls share one bucket. */
export function clientOf(headers: Headers, fallback = 'local'): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || fallback;
}

/**
 * Counts hits per key in fixed windows, in this process: it keeps one client from flooding an
 * unauthenticated endpoint. Correctness never depends on it, so several instances each counting
 * their own share is fine.
 */
export class WindowCounter {
  private readonly counts = new Map<string, { windowStart: number; n: number }>();

  constructor(private readonly options: { limit: number; windowMs: number }) {}

  /** Counts one hit; null while within the limit, else the milliseconds until the window ends. */
  hit(key: string, now = Date.now()): number | null {
    const entry = this.counts.get(key);
    if (!entry || now - entry.windowStart >= this.options.windowMs) {
      if (this.counts.size > 10_000) this.counts.clear();
      this.counts.set(key, { windowStart: now, n: 1 });
      return null;
    }
    return ++entry.n > this.options.limit ? entry.windowStart + this.options.windowMs - now : null;
  }
}

/** At most `limit` requests per client per window; over it, 429 with Retry-After. */
export function rateLimit(options: { limit: number; windowMs: number; what: string }): MiddlewareHandler {
  const counter = new WindowCounter(options);
  return async (c, next) => {
    const waitMs = counter.hit(clientOf(c.req.raw.headers));
    if (waitMs !== null) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw new ApiFailure(429, 'RATE_LIMITED', `Too many ${options.what} requests from this address; wait a minute and try again.`);
    }
    await next();
  };
}
