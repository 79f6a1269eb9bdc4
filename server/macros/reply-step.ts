import type { ItemChange, ItemContext } from '../jobs/executor';
import { reply } from '../jobs/executors/reply';
import { ONE_TICKET } from '../tickets/one-ticket-reply';
import type { TicketRow } from '../db/rows';

/**
 * R-BULK-14 "send reply from template": the reply executor on this ticket with the template's text,
 * under one ticket's reply rules (R-REPLY-2..5, ticket.send_email). Its recipients belong to the
 * macro's job, which delivers them once the ticket's steps have committed (sent once or uncertain).
 */
export function sendReplyStep(ctx: ItemContext, ticket: TicketRow, templateId: number): Promise<ItemChange> {
  const job = { ...ctx.job, payload: { templateId, body: '', scope: ONE_TICKET } };
  return reply({ tx: ctx.tx, job, ticket });
}
