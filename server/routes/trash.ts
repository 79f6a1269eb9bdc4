import { IdParams, pageOf } from '../../core/schemas/api';
import { TrashItem, TrashQuery } from '../../core/schemas/admin';
import { Ticket } from '../../core/schemas/ticket';
import type { Api } from '../http/route';
import { listTrash, restoreTicket } from '../tickets/trash';
import { TRASH_DAYS } from '../tickets/trash-purge';

const tag = 'trash';

export function trashRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/trash', tag, summary: `Trashed tickets, newest first, each with the time it will be purged (${TRASH_DAYS} days after deletion)`, query: TrashQuery, response: pageOf(TrashItem) },
    ({ db, auth, query }) => listTrash(db, auth, query),
  );
  api.add(
    { method: 'post', path: '/trash/:id/restore', tag, summary: 'Restore a trashed ticket (needs ticket.delete)', params: IdParams, response: Ticket },
    ({ db, auth, params }) => restoreTicket(db, auth, params.id),
  );
}
