import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { healthOf, meOf, type ServerInfo } from '../session/session-info';

export function sessionRoutes(api: Api, info: ServerInfo) {
  api.add(contracts.session.health, ({ db }) => healthOf(db, info));
  api.add(contracts.session.me, async ({ auth }) => meOf(auth));
}
