import { IdParams } from '../schemas/api';
import { TicketReceipts } from '../schemas/receipt';
import { resource } from './contract';

/** R-RCPT-7: each tracked message of a ticket with its mark and every recipient's state and times. */
export const receipts = resource('receipts', 'receipts', {
  ofTicket: {
    method: 'get',
    path: '/tickets/:id/receipts',
    summary:
      "Read receipts of the ticket's replies: per message a mark and each recipient's state (sent, delivered, opened, bounced, failed) with times; empty while the department has receipts off",
    params: IdParams,
    response: TicketReceipts,
  },
});
