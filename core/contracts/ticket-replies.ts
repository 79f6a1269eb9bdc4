import { IdParams } from '../schemas/api';
import { Job } from '../schemas/job';
import { TicketReplyPreview, TicketReplyRequest } from '../schemas/ticket-reply';
import { resource } from './contract';

/** R-PERM-2: replying to one ticket needs ticket.send_email there, not ticket.bulk_reply. */
export const ticketReplies = resource('ticketReplies', 'tickets', {
  send: {
    method: 'post',
    path: '/tickets/:id/replies',
    summary:
      "Reply to one ticket (ticket.send_email): to the contact and the ticket's CCs less omitAddresses; waits out the undo window as a one-ticket reply job (cancel it with DELETE /jobs/:id), then delivers per recipient",
    params: IdParams,
    body: TicketReplyRequest,
    response: Job,
    status: 202,
  },
  preview: {
    method: 'post',
    path: '/tickets/:id/replies/preview',
    summary: "One ticket's reply exactly as the customer gets it (help-center link included), or the rules that refuse it; sends nothing",
    params: IdParams,
    body: TicketReplyRequest,
    response: TicketReplyPreview,
  },
});
