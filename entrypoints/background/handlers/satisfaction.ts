import { TicketSatisfaction } from '../../../core/schemas/satisfaction';
import type { Handlers } from '../router';
import { backend } from '../services';

/** Satisfaction ratings from the help center (R-CC-8): a read, never queued. */
export const satisfactionHandlers: Handlers<'satisfaction.ofTicket'> = {
  'satisfaction.ofTicket': ({ ticketId }) => backend(async (api) => TicketSatisfaction.parse(await api.get(`tickets/${ticketId}/satisfaction`).json())),
};
