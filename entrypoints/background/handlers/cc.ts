import { contacts } from '../../../core/contracts/contacts';
import { secondaryContacts } from '../../../core/contracts/secondary-contacts';
import { SecondaryContacts } from '../../../core/schemas/secondary-contacts';
import { writeTo } from '../outbox-entry';
import type { Handlers } from '../router';
import { call, services } from '../services';
import { queue } from './tickets';

/** A pick list, not a directory: a few matches are enough while the agent keeps typing. */
const SEARCH_LIMIT = 8;

/** Secondary contacts of a ticket (R-CC-1..4): read directly, changed through the outbox. */
export const ccHandlers: Handlers<'cc.ofTicket' | 'cc.set' | 'contacts.search'> = {
  'cc.ofTicket': ({ ticketId }) => call(secondaryContacts.get, { params: { id: ticketId } }),
  // The whole list with the ticket's version: a resent entry sets the same list again, and a stale one meets 409.
  'cc.set': async ({ ticketId, version, contacts }) => {
    const { index } = await services();
    const label = `Set the secondary contacts (CC) of ticket #${(await index.get(ticketId))?.number ?? ticketId}`;
    const write = writeTo(secondaryContacts.set, { params: { id: ticketId }, body: { version, contacts } });
    const { outboxId, answer } = await queue({ kind: 'set_secondary_contacts', label, ...write });
    return { outboxId, result: answer ? SecondaryContacts.parse(answer) : null };
  },
  'contacts.search': async ({ q }) => ({ items: (await call(contacts.list, { query: { q, limit: SEARCH_LIMIT } })).items }),
};
