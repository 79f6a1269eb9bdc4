import { z } from 'zod';
import { Id, Text, Timestamp } from './common';
import { Contact } from './contact';
import { Violation } from './error';
import { Job } from './job';
import { Comment, Thread } from './thread';
import { Ticket } from './ticket';

/** Field name → the id of the ticket whose value the merged ticket keeps (R-MERGE-4, R-CC-9). */
export const FieldChoices = z.record(Text.max(100), Id);
export type FieldChoices = z.infer<typeof FieldChoices>;

/** POST /merge/preview: the tickets to merge; the count is a rule (R-MERGE-2), so 1 or 6 are answered with it. */
export const MergePreviewRequest = z
  .object({
    ticketIds: z.array(Id).min(1).max(50),
    /** Preview with this primary instead of the oldest ticket (R-MERGE-3). */
    primaryId: Id.optional(),
    fieldChoices: FieldChoices.optional(),
  })
  .strict();
export type MergePreviewRequest = z.infer<typeof MergePreviewRequest>;

/** One mergeable field: what each ticket holds, and which one the merged ticket keeps unless the agent picks another. */
export const MergeFieldOption = z.object({
  field: z.string(),
  candidates: z.array(z.object({ ticketId: Id, value: z.unknown(), empty: z.boolean() })),
  defaultTicketId: Id,
});
export type MergeFieldOption = z.infer<typeof MergeFieldOption>;

/** One entry of the merged timeline (R-MERGE-6), with the ticket it comes from. */
export const MergeTimelineEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('thread'), ticketId: Id, createdAt: Timestamp, thread: Thread }),
  z.object({ kind: z.literal('comment'), ticketId: Id, createdAt: Timestamp, comment: Comment }),
]);
export type MergeTimelineEntry = z.infer<typeof MergeTimelineEntry>;

export const MergePreview = z
  .object({
    /** Oldest first. */
    tickets: z.array(Ticket),
    defaultPrimaryId: Id,
    primaryId: Id,
    fields: z.array(MergeFieldOption),
    /** The merged ticket as it would be saved with these choices (R-MERGE-8: seen before confirming). */
    merged: Ticket,
    timeline: z.array(MergeTimelineEntry),
    /** The contacts the field values name (contact and secondary contacts), to show names instead of ids. */
    contacts: z.array(Contact),
    /** Why this merge would be refused (R-MERGE-1/2/4/7, R-CC-2); empty when it may go ahead. */
    violations: z.array(Violation),
  })
  .meta({ id: 'MergePreview' });
export type MergePreview = z.infer<typeof MergePreview>;

/** POST /merge: each ticket with the version the agent previewed, so a change made meanwhile is a conflict. */
export const MergeRequest = z
  .object({
    tickets: z
      .array(z.object({ id: Id, version: z.number().int().positive() }).strict())
      .min(1)
      .max(50),
    primaryId: Id,
    fieldChoices: FieldChoices.default({}),
  })
  .strict();
export type MergeRequest = z.infer<typeof MergeRequest>;

export const MergeResult = z
  .object({
    /** The primary as merged. */
    ticket: Ticket,
    /** The tickets merged into it, now in the trash pointing at it. */
    mergedIds: z.array(Id),
    /** The merge as it shows in job history. */
    job: Job,
  })
  .meta({ id: 'MergeResult' });
export type MergeResult = z.infer<typeof MergeResult>;
