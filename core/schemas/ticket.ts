import { z } from 'zod';
import { Email, Id, Text, Timestamp } from './common';

export const Channel = z.enum(['email', 'web', 'chat', 'phone', 'social', 'forum', 'im']);
export type Channel = z.infer<typeof Channel>;

export const TicketStatus = z.enum(['open', 'on_hold', 'waiting_on_customer', 'escalated', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const Priority = z.enum(['low', 'medium', 'high', 'urgent']);
export type Priority = z.infer<typeof Priority>;

export const CustomFieldValue = z.union([Text.max(2000), z.number(), z.boolean(), z.null()]);
export type CustomFieldValue = z.infer<typeof CustomFieldValue>;

export const WebmailProvider = z.enum(['gmail', 'outlook']);
export type WebmailProvider = z.infer<typeof WebmailProvider>;

/** Where a ticket's conversation lives in a webmail: the key the extension looks rows up by. */
export const WebmailThread = z.object({
  provider: WebmailProvider,
  mailbox: Text.min(1).max(320),
  threadId: Text.min(1).max(200),
});
export type WebmailThread = z.infer<typeof WebmailThread>;

export const Ticket = z
  .object({
    id: Id,
    number: z.number().int().positive(),
    departmentId: Id,
    channel: Channel,
    contactId: Id,
    secondaryContactIds: z.array(Id),
    ccAddresses: z.array(Email),
    subject: z.string().max(998),
    status: TicketStatus,
    priority: Priority,
    assigneeAgentId: Id.nullable(),
    assigneeTeamId: Id.nullable(),
    account: z.string().max(200).nullable(),
    product: z.string().max(200).nullable(),
    category: z.string().max(200).nullable(),
    tags: z.array(z.string().min(1).max(60)),
    resolution: z.string().max(20000).nullable(),
    blueprintId: Id.nullable(),
    customFields: z.record(z.string(), CustomFieldValue),
    /** Channel of the newest thread; R-REPLY-4 decides social tickets by it. */
    lastThreadChannel: Channel.nullable(),
    spam: z.boolean(),
    trashedAt: Timestamp.nullable(),
    mergedIntoId: Id.nullable(),
    webmailThreads: z.array(WebmailThread),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    firstResponseAt: Timestamp.nullable(),
    /** When the ticket was last closed; null while it is not closed. */
    closedAt: Timestamp.nullable(),
    onHoldSeconds: z.number().int().nonnegative(),
    onHoldSince: Timestamp.nullable(),
    /** Optimistic concurrency: every write bumps it; a PATCH with an older one is a conflict. */
    version: z.number().int().positive(),
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof Ticket>;
