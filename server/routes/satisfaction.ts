import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { getVisibleTicket } from '../tickets/ticket-query';
import { ticketSatisfaction } from '../tickets/ticket-satisfaction';

export function satisfactionRoutes(api: Api) {
  api.add(contracts.tickets.satisfaction, async ({ db, auth, params }) => ticketSatisfaction(db, await getVisibleTicket(db, auth.access, params.id)));
}
