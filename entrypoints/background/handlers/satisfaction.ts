import { tickets } from '../../../core/contracts/tickets';
import type { Handlers } from '../router';
import { call } from '../services';

/** Satisfaction ratings from the help center (R-CC-8): a read, never queued. */
export const satisfactionHandlers: Handlers<'satisfaction.ofTicket'> = {
  'satisfaction.ofTicket': ({ ticketId }) => call(tickets.satisfaction, { params: { id: ticketId } }),
};
