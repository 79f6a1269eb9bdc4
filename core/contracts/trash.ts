import { TRASH_DAYS, TrashItem, TrashQuery } from '../schemas/admin';
import { IdParams, pageOf } from '../schemas/api';
import { Ticket } from '../schemas/ticket';
import { resource } from './contract';

export const trash = resource('trash', 'trash', {
  list: {
    method: 'get',
    path: '/trash',
    summary: `Trashed tickets, newest first, each with the time it will be purged (${TRASH_DAYS} days after deletion)`,
    query: TrashQuery,
    response: pageOf(TrashItem),
  },
  restore: { method: 'post', path: '/trash/:id/restore', summary: 'Restore a trashed ticket (needs ticket.delete)', params: IdParams, response: Ticket },
});
