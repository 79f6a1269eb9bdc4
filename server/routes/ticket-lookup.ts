import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { lookupTickets } from '../tickets/ticket-lookup';

/** Registered before /tickets/:id, which would otherwise take "lookup" for an id. */
export function ticketLookupRoutes(api: Api) {
  api.add(contracts.tickets.lookup, async ({ db, auth, query }) => ({ items: await lookupTickets(db, auth.access, query) }));
}
