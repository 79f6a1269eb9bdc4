import { z } from 'zod';
import { ApiFailure } from '../http/api-failure';
import type { Api } from '../http/route';
import { applyDsn, DsnError } from '../mail/dsn';

// A bounce changes a bulk reply's recipients, so the OpenAPI document lists it with the jobs.
const tag = 'jobs';

/** A report that names no recipient of ours is the sender's mistake, not the server's. */
const refusedAs422 = (error: unknown): never => {
  if (error instanceof DsnError) throw new ApiFailure(422, 'VALIDATION', error.message);
  throw error;
};

/** Mail that reaches the server from outside: bounces (RFC 3464) today. */
export function inboundRoutes(api: Api) {
  api.add(
    {
      method: 'post',
      path: '/inbound/dsn',
      tag,
      summary: 'A bounce (RFC 3464 delivery-status message, raw, as `message`): marks the recipient it names bounced, with the diagnostic',
      body: z.object({ message: z.string().min(1).max(5_000_000) }),
      response: z.object({ recipientId: z.number().int().positive(), address: z.string(), status: z.string() }),
    },
    ({ db, body }) => applyDsn(db, body.message).catch(refusedAs422),
  );
}
