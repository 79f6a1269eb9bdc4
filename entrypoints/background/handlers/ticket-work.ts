import { comments } from '../../../core/contracts/comments';
import { contacts } from '../../../core/contracts/contacts';
import { trash } from '../../../core/contracts/trash';
import type { Handlers } from '../router';
import { call, services } from '../services';

/** The trash list is a look at what can still be restored, not an archive: one page is enough. */
const TRASH_PAGE = 100;

/**
 * Notes, the contact, and the trash of one ticket (issue 22, items 3, 4 and 7): direct calls, so
 * the agent sees the server's answer (an address in use, a missing permission) at once.
 */
export const ticketWorkHandlers: Handlers<
  'tickets.inTrash' | 'comments.add' | 'comments.edit' | 'comments.remove' | 'contacts.get' | 'contacts.update' | 'trash.list' | 'trash.restore'
> = {
  'tickets.inTrash': async ({ provider, mailbox, threadId }) => {
    const { index } = await services();
    const found = await index.trashedHolder(provider, mailbox, threadId);
    if (!found) return null;
    const { threadKeys: _keys, ...ticket } = found;
    return ticket;
  },
  'comments.add': ({ ticketId, visibility, body }) => call(comments.create, { params: { id: ticketId }, body: { visibility, body } }),
  'comments.edit': ({ ticketId, commentId, body }) => call(comments.edit, { params: { id: ticketId, commentId }, body: { body } }),
  'comments.remove': ({ ticketId, commentId }) => call(comments.remove, { params: { id: ticketId, commentId } }),
  'contacts.get': ({ id }) => call(contacts.get, { params: { id } }),
  'contacts.update': ({ id, changes }) => call(contacts.update, { params: { id }, body: changes }),
  'trash.list': async () => ({ items: (await call(trash.list, { query: { limit: TRASH_PAGE } })).items }),
  'trash.restore': async ({ id }) => {
    const restored = await call(trash.restore, { params: { id } });
    await (await services()).index.upsert([restored]);
    return restored;
  },
};
