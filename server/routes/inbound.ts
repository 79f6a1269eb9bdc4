import * as contracts from '../../core/contracts';
import { ApiFailure } from '../http/api-failure';
import type { Api } from '../http/route';
import { applyDsn, DsnError } from '../mail/dsn';

/** A report that names no recipient of ours is the sender's mistake, not the server's. */
const refusedAs422 = (error: unknown): never => {
  if (error instanceof DsnError) throw new ApiFailure(422, 'VALIDATION', error.message);
  throw error;
};

/** Mail that reaches the server from outside: bounces (RFC 3464) today. */
export function inboundRoutes(api: Api) {
  api.add(contracts.inbound.dsn, ({ db, body }) => applyDsn(db, body.message).catch(refusedAs422));
}
