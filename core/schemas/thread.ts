import { z } from 'zod';
import { Email, Id, IdParam, Text, Timestamp } from './common';
import { Channel } from './ticket';

export const ThreadDirection = z.enum(['in', 'out']);
export type ThreadDirection = z.infer<typeof ThreadDirection>;

/** What an agent sees of a kept attachment: never its content, which is downloaded on its own. */
export const AttachmentInfo = z.object({ id: Id, filename: z.string(), contentType: z.string(), size: z.number().int().nonnegative() }).meta({ id: 'AttachmentInfo' });
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

export const Thread = z
  .object({
    id: Id,
    ticketId: Id,
    direction: ThreadDirection,
    channel: Channel,
    from: z.string().max(320),
    to: z.array(Email),
    cc: z.array(Email),
    bcc: z.array(Email),
    subject: z.string().max(998),
    bodyText: z.string().max(1_000_000),
    bodyHtml: z.string().max(2_000_000).nullable(),
    messageId: z.string().max(998).nullable(),
    inReplyTo: z.string().max(998).nullable(),
    references: z.array(z.string().max(998)),
    createdAt: Timestamp,
    // Defaults to none so answers built without attachments (the merge preview) still parse.
    attachments: z.array(AttachmentInfo).default([]),
  })
  .meta({ id: 'Thread' });
export type Thread = z.infer<typeof Thread>;

export const CommentVisibility = z.enum(['private', 'public']);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

export const Comment = z
  .object({
    id: Id,
    ticketId: Id,
    visibility: CommentVisibility,
    body: z.string().min(1).max(100_000),
    authorAgentId: Id,
    createdAt: Timestamp,
    editedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Comment' });
export type Comment = z.infer<typeof Comment>;

export const CommentCreate = z
  // Private unless the agent says otherwise: a note meant for the team must never reach the customer by default.
  .object({ visibility: CommentVisibility.default('private'), body: Text.trim().min(1).max(100_000) })
  .strict()
  .meta({ id: 'CommentCreate' });
export type CommentCreate = z.infer<typeof CommentCreate>;

export const CommentEdit = z
  .object({ body: Text.trim().min(1).max(100_000) })
  .strict()
  .meta({ id: 'CommentEdit' });
export type CommentEdit = z.infer<typeof CommentEdit>;

export const CommentParams = z.object({ id: IdParam, commentId: IdParam });
