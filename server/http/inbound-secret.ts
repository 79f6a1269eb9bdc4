import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client';
import { ApiFailure } from './api-failure';
import type { AppEnv } from './app-env';
import { agentOf, bearerToken } from './auth';

/** Equal-length digests, so the comparison takes the same time whatever the token and however long. */
const digest = (value: string) => createHash('sha256').update(value).digest();

export const isInboundSecret = (token: string, secret: string) => timingSafeEqual(digest(token), digest(secret));

/**
 * The guard of the routes that accept the inbound secret (POST /inbound/dsn): the secret lets the
 * request through with no agent, anything else must be an agent's token as on every other route.
 * Without INBOUND_DSN_SECRET only agents' tokens are accepted.
 */
export function requireAgentOrInboundSecret(db: Db, secret: string | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    const token = bearerToken(header);
    if (secret !== null && token !== undefined && isInboundSecret(token, secret)) return next();
    const auth = await agentOf(db, header).catch((error: unknown) => {
      if (!(error instanceof ApiFailure)) throw error;
      throw new ApiFailure(401, 'UNAUTHORIZED', `${error.message} A mail server posts bounces with the inbound secret (INBOUND_DSN_SECRET) as the bearer token.`);
    });
    c.set('auth', auth);
    await next();
  };
}
