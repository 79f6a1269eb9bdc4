import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { receiveDsn } from '../mail/inbound-dsn';

/** Mail that reaches the server from outside: bounces (RFC 3464) today. */
export function inboundRoutes(api: Api) {
  api.add(contracts.inbound.dsn, ({ db, auth, body }) => receiveDsn(db, auth, body.message));
}
