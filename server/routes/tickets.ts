import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { createTicket } from '../tickets/ticket-create';
import { patchTicket } from '../tickets/ticket-patch';
import { getVisibleTicket, listTickets } from '../tickets/ticket-query';
import { toTickets } from '../tickets/ticket-rows';
import { ticketHistoryOf, ticketTimeline } from '../tickets/ticket-timeline';

export function ticketRoutes(api: Api) {
  api.add(contracts.tickets.list, ({ db, auth, query }) => listTickets(db, auth, query));
  api.add(contracts.tickets.create, ({ db, auth, body }) => createTicket(db, auth, body));
  api.add(contracts.tickets.get, async ({ db, auth, params }) => (await toTickets(db, [await getVisibleTicket(db, auth.access, params.id)]))[0]!);
  api.add(contracts.tickets.update, ({ db, auth, params, body }) => patchTicket(db, auth, params.id, body));
  api.add(contracts.tickets.timeline, async ({ db, auth, params }) => ticketTimeline(db, await getVisibleTicket(db, auth.access, params.id)));
  api.add(contracts.tickets.history, async ({ db, auth, params }) => ({ items: await ticketHistoryOf(db, await getVisibleTicket(db, auth.access, params.id)) }));
}
