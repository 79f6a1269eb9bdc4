import { z } from 'zod';
import { TicketLookupQuery } from '../../core/schemas/api';
import { Ticket } from '../../core/schemas/ticket';
import type { Api } from '../http/route';
import { lookupTickets } from '../tickets/ticket-lookup';

/** Registered before /tickets/:id, which would otherwise take "lookup" for an id. */
export function ticketLookupRoutes(api: Api) {
  api.add(
    {
      method: 'get',
      path: '/tickets/lookup',
      tag: 'tickets',
      summary:
        'Find the live tickets an incoming message became, by sender, subject (prefixes and [#1234] ignored) and time (±3 minutes); for webmail that shows no Message-ID. At most 5, closest time first; merged-away tickets answer their primary',
      query: TicketLookupQuery,
      response: z.object({ items: z.array(Ticket) }),
    },
    async ({ db, auth, query }) => ({ items: await lookupTickets(db, auth.access, query) }),
  );
}
