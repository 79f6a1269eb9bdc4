import { Contact } from '../../../core/schemas/contact';
import { SecondaryContacts } from '../../../core/schemas/secondary-contacts';
import type { Handlers } from '../router';
import { backend, services } from '../services';
import { queue } from './tickets';

/** A pick list, not a directory: a few matches are enough while the agent keeps typing. */
const SEARCH_LIMIT = 8;

/** Secondary contacts of a ticket (R-CC-1..4): read directly, changed through the outbox. */
export const ccHandlers: Handlers<'cc.ofTicket' | 'cc.set' | 'contacts.search'> = {
  'cc.ofTicket': ({ ticketId }) => backend(async (api) => SecondaryContacts.parse(await api.get(`tickets/${ticketId}/secondary-contacts`).json())),
  // The whole list with the ticket's version: a resent entry sets the same list again, and a stale one meets 409.
  'cc.set': async ({ ticketId, version, contacts }) => {
    const { index } = await services();
    const label = `Set the secondary contacts (CC) of ticket #${(await index.get(ticketId))?.number ?? ticketId}`;
    const path = `tickets/${ticketId}/secondary-contacts`;
    const { outboxId, answer } = await queue({ kind: 'set_secondary_contacts', label, method: 'PUT', path, body: { version, contacts } });
    return { outboxId, result: answer ? SecondaryContacts.parse(answer) : null };
  },
  'contacts.search': ({ q }) =>
    backend(async (api) => {
      const page = (await api.get('contacts', { searchParams: { q, limit: SEARCH_LIMIT } }).json()) as { items: unknown[] };
      return { items: page.items.map((c) => Contact.parse(c)) };
    }),
};
