import { z } from 'zod';
import { Timestamp } from './common';
import { PreviewRefusal } from './error';
import { ReplyPayloadFields, ReplySample } from './job';
import { ThreadDirection } from './thread';

/**
 * POST /tickets/:id/replies: one ticket's reply, a bulk reply's payload (omitAddresses for R-CC-7),
 * plus what the composer had seen (collision detection, issue 22 item 9): with seenThreadCount, a
 * ticket that got more threads (a customer's message, another agent's reply) since is answered
 * CONFLICT with StaleReplyDetails, unless confirmStale says the agent chose to send anyway.
 */
export const TicketReplyRequest = ReplyPayloadFields.extend({
  seenThreadCount: z.number().int().min(0).max(1_000_000).optional(),
  confirmStale: z.boolean().optional(),
}).meta({ id: 'TicketReplyRequest' });
export type TicketReplyRequest = z.infer<typeof TicketReplyRequest>;

/** The `details` of the CONFLICT a stale reply gets: how many threads there are now, and the newest one. */
export const StaleReplyDetails = z
  .object({
    reason: z.literal('stale_reply'),
    threadCount: z.number().int().min(0),
    latest: z.object({ direction: ThreadDirection, from: z.string().max(320), createdAt: Timestamp }),
  })
  .meta({ id: 'StaleReplyDetails' });
export type StaleReplyDetails = z.infer<typeof StaleReplyDetails>;

/** The reply exactly as the customer gets it, or why it cannot be sent (rule and words). */
export const TicketReplyPreview = z
  .object({
    violations: z.array(PreviewRefusal),
    sample: ReplySample.nullable(),
  })
  .meta({ id: 'TicketReplyPreview' });
export type TicketReplyPreview = z.infer<typeof TicketReplyPreview>;
