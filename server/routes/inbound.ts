import type { Hono } from 'hono';
import * as contracts from '../../core/contracts';
import type { AppEnv } from '../http/app-env';
import { rateLimit } from '../http/rate-limit';
import type { Api } from '../http/route';
import { receiveDsn } from '../mail/inbound-dsn';

/**
 * Bounces per client address and minute. A mail server posting a burst (a bulk reply's dead
 * addresses) past it gets 429 and delivers the rest later, as it does for any temporary failure.
 */
const DSN_PER_MINUTE = 120;

/** Mail that reaches the server from outside: bounces (RFC 3464) today. */
export function inboundRoutes(api: Api, v1: Hono<AppEnv>) {
  // Before the route, so a flood is refused before its token is checked and its body (up to 5 MB) is read.
  v1.use(contracts.inbound.dsn.path, rateLimit({ limit: DSN_PER_MINUTE, windowMs: 60_000, what: 'bounce (DSN)' }));
  api.add(contracts.inbound.dsn, ({ db, auth, body }) => receiveDsn(db, auth, body.message));
}
