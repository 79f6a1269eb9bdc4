import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiFailure } from './api-failure';
import { clientAddress, normalizeAddress, type TrustedProxies } from './client-address';

/** The socket's peer; app.request() (tests, no socket) has none, and those calls share one "local" client. */
function peerOf(c: Context): string {
  const raw = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket?.remoteAddress;
  return raw ? (normalizeAddress(raw) ?? raw) : 'local';
}

/** Settles once per request who the client is (c.get('client')), for rate limits and the help center. */
export function identifyClient(trusted: TrustedProxies): MiddlewareHandler<{ Variables: { client: string } }> {
  return async (c, next) => {
    c.set(
      'client',
      clientAddress(peerOf(c), c.req.header('x-forwarded-for'), (address) => trusted.has(address)),
    );
    await next();
  };
}

interface Window {
  start: number;
  n: number;
}

/**
 * Counts hits per key in fixed windows, in this process: it keeps one client from flooding an
 * unauthenticated endpoint. Correctness never depends on it, so several instances each counting
 * their own share is fine. At most `maxKeys` keys are held; past that, expired windows go first,
 * then the oldest window still under the limit, and a client over its limit is the last to go,
 * so a flood of new keys cannot reset the count of one being limited.
 */
export class WindowCounter {
  /** Keys within their limit, in order of window start (a new window is inserted again at the end). */
  private readonly open = new Map<string, Window>();
  /** Keys over their limit, in the order they went over it. */
  private readonly limited = new Map<string, Window>();
  private readonly maxKeys: number;

  constructor(private readonly options: { limit: number; windowMs: number; maxKeys?: number }) {
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  get size(): number {
    return this.open.size + this.limited.size;
  }

  /** Counts one hit; null while within the limit, else the milliseconds until the window ends. */
  hit(key: string, now = Date.now()): number | null {
    const entry = this.open.get(key) ?? this.limited.get(key);
    if (!entry || this.expired(entry, now)) {
      this.open.delete(key);
      this.limited.delete(key);
      this.open.set(key, { start: now, n: 1 });
      this.evict(now);
      return null;
    }
    if (++entry.n <= this.options.limit) return null;
    if (this.open.delete(key)) this.limited.set(key, entry);
    return entry.start + this.options.windowMs - now;
  }

  private expired(entry: Window, now: number): boolean {
    return now - entry.start >= this.options.windowMs;
  }

  private evict(now: number) {
    for (const map of [this.open, this.limited]) {
      for (const [key, entry] of map) {
        if (this.size <= this.maxKeys || !this.expired(entry, now)) break;
        map.delete(key);
      }
    }
    while (this.size > this.maxKeys) {
      // The newest key (the one just counted) is the last in `open`; it goes only when nothing else can.
      const victims = this.open.size > 1 ? this.open : this.limited.size > 0 ? this.limited : this.open;
      victims.delete(victims.keys().next().value!);
    }
  }
}

/** At most `limit` requests per client per window; over it, 429 with Retry-After. */
export function rateLimit(options: { limit: number; windowMs: number; what: string }): MiddlewareHandler<{ Variables: { client: string } }> {
  const counter = new WindowCounter(options);
  return async (c, next) => {
    const waitMs = counter.hit(c.get('client'));
    if (waitMs !== null) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw new ApiFailure(429, 'RATE_LIMITED', `Too many ${options.what} requests from this address; wait a minute and try again.`);
    }
    await next();
  };
}
