import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { listTrash, restoreTicket } from '../tickets/trash';

export function trashRoutes(api: Api) {
  api.add(contracts.trash.list, ({ db, auth, query }) => listTrash(db, auth, query));
  api.add(contracts.trash.restore, ({ db, auth, params }) => restoreTicket(db, auth, params.id));
}
