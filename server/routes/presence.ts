import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { beatPresence, leavePresence, listPresence } from '../tickets/ticket-presence';

export function presenceRoutes(api: Api) {
  api.add(contracts.presence.beat, ({ db, auth, params, body }) => beatPresence(db, auth, params.id, body.state));
  api.add(contracts.presence.list, ({ db, auth, params }) => listPresence(db, auth, params.id));
  api.add(contracts.presence.leave, ({ db, auth, params }) => leavePresence(db, auth, params.id));
}
