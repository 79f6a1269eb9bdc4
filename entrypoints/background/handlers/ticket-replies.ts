import { macros } from '../../../core/contracts/macros';
import { ticketReplies } from '../../../core/contracts/ticket-replies';
import { Job } from '../../../core/schemas/job';
import { StaleReplyDetails } from '../../../core/schemas/ticket-reply';
import { writeTo } from '../outbox-entry';
import type { Handlers } from '../router';
import { call } from '../services';
import { queue } from './tickets';

export const ticketReplyHandlers: Handlers<'ticketReplies.preview' | 'ticketReplies.send' | 'macros.list'> = {
  'ticketReplies.preview': ({ ticketId, reply }) => call(ticketReplies.preview, { params: { id: ticketId }, body: reply }),
  // Through the outbox with its idempotency key: a retry after the worker was killed never sends twice.
  'ticketReplies.send': async ({ ticketId, reply }) => {
    const { outboxId, answer } = await queue(
      { kind: 'submit_job', label: 'Reply to 1 ticket', ...writeTo(ticketReplies.send, { params: { id: ticketId }, body: reply }) },
      // The composer asks the agent about a stale reply and sends a new one if they confirm.
      (error) => error.code === 'CONFLICT' && StaleReplyDetails.safeParse(error.details).success,
    );
    return { outboxId, job: answer ? Job.parse(answer) : null };
  },
  'macros.list': ({ departmentId }) => call(macros.list, { query: { departmentId } }),
};
