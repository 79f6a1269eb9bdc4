import { HistoryEntry, IdParams, pageOf, TicketCreate, TicketListQuery, TicketPatch, Timeline } from '../../core/schemas/api';
import { z } from 'zod';
import { Ticket } from '../../core/schemas/ticket';
import type { Api } from '../http/route';
import { createTicket } from '../tickets/ticket-create';
import { patchTicket } from '../tickets/ticket-patch';
import { getVisibleTicket, listTickets } from '../tickets/ticket-query';
import { toTickets } from '../tickets/ticket-rows';
import { ticketHistoryOf, ticketTimeline } from '../tickets/ticket-timeline';

const tag = 'tickets';

export function ticketRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/tickets', tag, summary: 'List tickets (by department or view), or sync changes with updatedSince', query: TicketListQuery, response: pageOf(Ticket) },
    ({ db, auth, query }) => listTickets(db, auth.access, query),
  );
  api.add(
    { method: 'post', path: '/tickets', tag, summary: 'Create a ticket', body: TicketCreate, response: Ticket, status: 201 },
    ({ db, auth, body }) => createTicket(db, auth, body),
  );
  api.add(
    { method: 'get', path: '/tickets/:id', tag, summary: 'Get one ticket', params: IdParams, response: Ticket },
    async ({ db, auth, params }) => (await toTickets(db, [await getVisibleTicket(db, auth.access, params.id)]))[0]!,
  );
  api.add(
    { method: 'patch', path: '/tickets/:id', tag, summary: 'Change a ticket (send the version you read; a stale one is 409)', params: IdParams, body: TicketPatch, response: Ticket },
    ({ db, auth, params, body }) => patchTicket(db, auth, params.id, body),
  );
  api.add(
    { method: 'get', path: '/tickets/:id/timeline', tag, summary: "A ticket's threads (each with its attachments, without content) and comments, oldest first", params: IdParams, response: Timeline },
    async ({ db, auth, params }) => ticketTimeline(db, await getVisibleTicket(db, auth.access, params.id)),
  );
  api.add(
    { method: 'get', path: '/tickets/:id/history', tag, summary: 'Who changed what on a ticket, and through which job, oldest first', params: IdParams, response: z.object({ items: z.array(HistoryEntry) }) },
    async ({ db, auth, params }) => ({ items: await ticketHistoryOf(db, await getVisibleTicket(db, auth.access, params.id)) }),
  );
}
