import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { requireQueue, type JobQueue } from '../jobs/queue';
import { previewTicketReply, sendTicketReply } from '../tickets/ticket-reply';

export function ticketReplyRoutes(api: Api, queue: JobQueue | undefined, publicUrl: string) {
  api.add(contracts.ticketReplies.send, ({ db, auth, params, body }) => sendTicketReply(db, requireQueue(queue), auth, params.id, body));
  api.add(contracts.ticketReplies.preview, ({ db, auth, params, body }) => previewTicketReply(db, auth, params.id, body, publicUrl));
}
