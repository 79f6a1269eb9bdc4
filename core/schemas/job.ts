import { z } from 'zod';
import { Email, HeaderText, Id, Text, Timestamp } from './common';
import { CommentVisibility } from './thread';
import { CustomFieldValue } from './ticket';
import { PreviewRefusal } from './error';

/** The operations of R-BULK-2; names and payloads are the public contract of POST /jobs. */
export const Operation = z.enum(['assign', 'update_field', 'reply', 'comment', 'merge', 'close', 'delete', 'move', 'spam', 'macro', 'remove_blueprint', 'update_resolution']);
export type Operation = z.infer<typeof Operation>;

/** A reply's content, and the CCs left out of this reply only (R-CC-7: they stay on the ticket). */
export const ReplyPayloadFields = z
  .object({
    templateId: Id.optional(),
    subject: HeaderText.max(998).optional(),
    body: Text.max(100_000),
    omitAddresses: z.array(Email).max(100).optional(),
  })
  .strict();

export const OperationPayload = z.discriminatedUnion('operation', [
  z.object({
    operation: z.literal('assign'),
    payload: z.union([z.object({ agentId: Id }).strict(), z.object({ teamId: Id }).strict()]),
  }),
  z.object({
    operation: z.literal('update_field'),
    payload: z.object({ field: Text.min(1).max(100), value: CustomFieldValue }).strict(),
  }),
  z.object({
    operation: z.literal('reply'),
    payload: ReplyPayloadFields,
  }),
  z.object({
    operation: z.literal('comment'),
    payload: z.object({ visibility: CommentVisibility, body: Text.min(1).max(100_000) }).strict(),
  }),
  z.object({
    operation: z.literal('merge'),
    payload: z.object({ primaryId: Id, fieldChoices: z.record(Text.max(100), Id) }).strict(),
  }),
  z.object({ operation: z.literal('close'), payload: z.object({}).strict() }),
  z.object({ operation: z.literal('delete'), payload: z.object({}).strict() }),
  z.object({ operation: z.literal('move'), payload: z.object({ departmentId: Id }).strict() }),
  z.object({ operation: z.literal('spam'), payload: z.object({ sender: z.boolean().optional() }).strict() }),
  z.object({ operation: z.literal('macro'), payload: z.object({ macroId: Id }).strict() }),
  z.object({ operation: z.literal('remove_blueprint'), payload: z.object({}).strict() }),
  z.object({ operation: z.literal('update_resolution'), payload: z.object({ text: Text.max(20000) }).strict() }),
]);
export type OperationPayload = z.infer<typeof OperationPayload>;

/** R-BULK-1: bulk is 1–50 selected tickets, mass is a whole view of more than 50. */
export const JobMode = z.enum(['bulk', 'mass']);
export type JobMode = z.infer<typeof JobMode>;

export const JobStatus = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatus>;

/** ticketNumber is null when the ticket no longer exists (purged). */
export const JobFailure = z.object({ ticketId: Id, ticketNumber: z.number().int().nullable(), reason: z.string().max(2000) });
export type JobFailure = z.infer<typeof JobFailure>;

/**
 * Where one reply recipient stands (R-REPLY-8); `stored` means kept unsent, as a server without SMTP
 * does; `retrying` waits in the mail queue for its next attempt after a transient failure.
 */
export const DeliveryStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'bounced', 'uncertain', 'stored', 'retrying']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** R-REPLY-8: per-recipient delivery of a bulk reply — how many got it, and who did not, and why. */
export const JobDelivery = z.object({
  total: z.number().int().nonnegative(),
  counts: z.partialRecord(DeliveryStatus, z.number().int().nonnegative()),
  problems: z.array(z.object({ ticketId: Id, address: z.string(), status: DeliveryStatus, response: z.string().nullable() })),
});
export type JobDelivery = z.infer<typeof JobDelivery>;

export const Job = z
  .object({
    id: Id,
    operation: Operation,
    mode: JobMode,
    payload: z.record(z.string(), z.unknown()),
    /** null when run from the "all departments" view. */
    departmentId: Id.nullable(),
    viewId: Id.nullable(),
    viewName: z.string().nullable(),
    initiatorId: Id,
    status: JobStatus,
    counts: z.object({
      total: z.number().int().nonnegative(),
      done: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
    }),
    failures: z.array(JobFailure),
    /** Bulk replies only. */
    delivery: JobDelivery.nullable(),
    /** R-BULK-6: a queued job waits for its initiator's earlier job (queued, in its undo window, or running). */
    waitingForJobId: Id.nullable().optional(),
    createdAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;

export const ReplySample = z
  .object({
    ticketId: Id,
    from: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    inReplyTo: z.string().nullable(),
    /** R-CC-3: copies left out of this reply (spam or deleted since they were added), each with its reason. */
    skipped: z.array(z.object({ address: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: 'ReplySample' });
export type ReplySample = z.infer<typeof ReplySample>;

/** POST /replies/preview: a bulk reply before it is sent (R-REPLY-7), rendered for one ticket. */
export const ReplyPreviewRequest = z.object({
  departmentId: Id,
  ticketIds: z.array(Id).min(1).max(1000),
  /** The view the selection was made in, if any (R-BULK-4/5/7 apply to it). */
  viewId: Id.optional(),
  payload: ReplyPayloadFields,
  /** The ticket to render the sample for; the first eligible one when left out. */
  sampleTicketId: Id.optional(),
});
export type ReplyPreviewRequest = z.infer<typeof ReplyPreviewRequest>;

/** POST /jobs: what to do, to which tickets (a selection or a whole view), and where it was started. */
export const JobCreate = OperationPayload.and(
  z
    .object({
      ticketIds: z.array(Id).min(1).max(1000).optional(),
      /** Without ticketIds, every ticket of the view; with them, the view the selection was made in (R-BULK-4/5/7 apply). */
      viewId: Id.optional(),
      /** The department view it was started from, or "all" for the all-departments view. */
      departmentId: z.union([Id, z.literal('all')]),
    })
    .refine((r) => r.ticketIds !== undefined || r.viewId !== undefined, {
      message: 'Send ticketIds (a selection, with viewId when it was made in a view) or viewId alone (every ticket of the view).',
    }),
);
export type JobCreate = z.infer<typeof JobCreate>;

export const JobListQuery = z
  .object({
    status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']).optional(),
    operation: Operation.optional(),
    /** R-BULK-10: mass history apart from bulk history. */
    mode: JobMode.optional(),
    departmentId: z.coerce.number<number | string>().int().positive().optional(),
    cursor: Text.max(500).optional(),
    limit: z.coerce.number<number | string>().int().min(1).max(200).default(50),
  })
  .strict();
export type JobListQuery = z.infer<typeof JobListQuery>;

/** POST /jobs/preview: what a job would do, without doing it (R-REPLY-7-style pre-check for every operation). */
export const JobPreview = z
  .object({
    mode: JobMode,
    total: z.number().int().nonnegative(),
    /** Request-level refusals (rule, permission, limits); empty when the job may be submitted. */
    violations: z.array(PreviewRefusal),
    /** Per ticket, for bulk jobs: would it be applied, and if not why. */
    tickets: z.array(z.object({ ticketId: Id, ok: z.boolean(), reason: z.string().nullable() })),
    /** Bulk reply: the message exactly as one eligible ticket would get it. */
    sample: ReplySample.nullable().optional(),
  })
  .meta({ id: 'JobPreview' });
export type JobPreview = z.infer<typeof JobPreview>;
