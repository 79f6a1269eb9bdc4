import { z } from 'zod';
import { PreviewRefusal } from './error';
import { ReplyPayloadFields, ReplySample } from './job';

/** POST /tickets/:id/replies: one ticket's reply, a bulk reply's payload (omitAddresses for R-CC-7). */
export const TicketReplyRequest = ReplyPayloadFields.meta({ id: 'TicketReplyRequest' });
export type TicketReplyRequest = z.infer<typeof TicketReplyRequest>;

/** The reply exactly as the customer gets it, or why it cannot be sent (rule and words). */
export const TicketReplyPreview = z
  .object({
    violations: z.array(PreviewRefusal),
    sample: ReplySample.nullable(),
  })
  .meta({ id: 'TicketReplyPreview' });
export type TicketReplyPreview = z.infer<typeof TicketReplyPreview>;
