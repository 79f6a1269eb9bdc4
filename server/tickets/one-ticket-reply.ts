/** Marks a reply job as one ticket's reply (panel or macro): it needs ticket.send_email only (R-PERM-2), not ticket.bulk_reply. */
export const ONE_TICKET = 'ticket';
export const isOneTicketReply = (payload: Record<string, unknown>) => payload.scope === ONE_TICKET;
