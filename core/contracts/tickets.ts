import { HistoryEntry, IdParams, itemsOf, pageOf, TicketCreate, TicketListQuery, TicketLookupQuery, TicketPatch, Timeline } from '../schemas/api';
import { TicketSatisfaction } from '../schemas/satisfaction';
import { Ticket } from '../schemas/ticket';
import { resource } from './contract';

export const tickets = resource('tickets', 'tickets', {
  lookup: {
    method: 'get',
    path: '/tickets/lookup',
    summary:
      'Find the live tickets an incoming message became, by sender, subject (prefixes and [#1234] ignored) and time (±3 minutes); for webmail that shows no Message-ID. At most 5, closest time first; merged-away tickets answer their primary',
    query: TicketLookupQuery,
    response: itemsOf(Ticket),
  },
  list: { method: 'get', path: '/tickets', summary: 'List tickets (by department or view), or sync changes with updatedSince', query: TicketListQuery, response: pageOf(Ticket) },
  create: { method: 'post', path: '/tickets', summary: 'Create a ticket', body: TicketCreate, response: Ticket, status: 201 },
  get: { method: 'get', path: '/tickets/:id', summary: 'Get one ticket', params: IdParams, response: Ticket },
  update: {
    method: 'patch',
    path: '/tickets/:id',
    summary:
      "Change a ticket (send the version you read; a stale one is 409); spam true/false marks it spam or not spam (R-BULK-12), contactId gives it another existing contact, blueprintId applies one of its department's blueprints (its status must be one of the blueprint's states) and null removes it (R-BULK-15)",
    params: IdParams,
    body: TicketPatch,
    response: Ticket,
  },
  timeline: {
    method: 'get',
    path: '/tickets/:id/timeline',
    summary: "A ticket's threads (each with its attachments, without content) and comments, oldest first",
    params: IdParams,
    response: Timeline,
  },
  history: {
    method: 'get',
    path: '/tickets/:id/history',
    summary: 'Who changed what on a ticket, and through which job, oldest first',
    params: IdParams,
    response: itemsOf(HistoryEntry),
  },
  /** R-CC-8: what the customer and the secondary contacts rated, for the agents. */
  satisfaction: {
    method: 'get',
    path: '/tickets/:id/satisfaction',
    summary:
      "Satisfaction ratings given in the help center (good or bad, with a comment) by the ticket's contact and secondary contacts, including those given on tickets merged into it",
    params: IdParams,
    response: TicketSatisfaction,
  },
});
