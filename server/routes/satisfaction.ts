import { IdParams } from '../../core/schemas/api';
import { TicketSatisfaction } from '../../core/schemas/satisfaction';
import type { Api } from '../http/route';
import { getVisibleTicket } from '../tickets/ticket-query';
import { ticketSatisfaction } from '../tickets/ticket-satisfaction';

/** R-CC-8: what the customer and the secondary contacts rated, for the agents. */
export function satisfactionRoutes(api: Api) {
  api.add(
    {
      method: 'get',
      path: '/tickets/:id/satisfaction',
      tag: 'tickets',
      summary: "Satisfaction ratings given in the help center (good or bad, with a comment) by the ticket's contact and secondary contacts, including those given on tickets merged into it",
      params: IdParams,
      response: TicketSatisfaction,
    },
    async ({ db, auth, params }) => ticketSatisfaction(db, await getVisibleTicket(db, auth.access, params.id)),
  );
}
