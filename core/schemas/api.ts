import { z } from 'zod';
import { Agent } from './agent';
import { Email, HeaderText, Id, IdParam, Text, Timestamp, TimestampInput } from './common';
import { Comment, Thread } from './thread';
import { Channel, CustomFieldValue, Priority, TicketStatus, WebmailThread } from './ticket';
import { Permission, RoleKind } from './role';

export const Health = z.object({ ok: z.boolean(), db: z.enum(['pglite', 'postgres']), version: z.string() }).meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

export const MeDepartment = z.object({
  departmentId: Id,
  departmentName: z.string(),
  role: z.object({ id: Id, name: z.string(), kind: RoleKind }),
  permissions: z.array(Permission),
});
export type MeDepartment = z.infer<typeof MeDepartment>;

export const Me = z.object({ agent: Agent, departments: z.array(MeDepartment) }).meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
/** What an unpaginated list route answers. */
export function itemsOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Page size of list routes. */
export const Limit = z.coerce.number<number | string>().int().min(1).max(500).default(100);
const BooleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const TicketListQuery = z
  .object({
    departmentId: IdParam.optional(),
    viewId: IdParam.optional(),
    /** One contact's tickets (R-MERGE-10: the same customer's other tickets, to merge from one ticket). */
    contactId: IdParam.optional(),
    /** Sync mode: tickets changed at or after this time, oldest first, trashed and merged ones included. */
    updatedSince: TimestampInput.optional(),
    includeTrashed: BooleanParam.optional(),
    cursor: Text.max(500).optional(),
    limit: Limit,
  })
  .strict();
export type TicketListQuery = z.infer<typeof TicketListQuery>;

/**
 * The tickets one incoming message already became, for a webmail page that shows no Message-ID
 * (Outlook): its sender, subject and the time the page shows, to the minute.
 */
export const TicketLookupQuery = z
  .object({
    from: Email,
    subject: Text.max(998),
    sentAt: TimestampInput,
    departmentId: IdParam.optional(),
  })
  .strict();
export type TicketLookupQuery = z.infer<typeof TicketLookupQuery>;

export const ContactRef = z.union([z.object({ id: Id }).strict(), z.object({ email: Email, name: HeaderText.max(200).optional() }).strict()]);
export type ContactRef = z.infer<typeof ContactRef>;

export const ThreadInput = z
  .object({
    from: HeaderText.max(320).optional(),
    to: z.array(Email).max(100).default([]),
    cc: z.array(Email).max(100).default([]),
    subject: HeaderText.max(998).optional(),
    bodyText: Text.max(1_000_000).default(''),
    bodyHtml: Text.max(2_000_000).optional(),
    /** Replies quote it in In-Reply-To and References. */
    messageId: HeaderText.max(998).optional(),
    createdAt: TimestampInput.optional(),
  })
  .strict();
export type ThreadInput = z.infer<typeof ThreadInput>;

export const TicketCreate = z
  .object({
    departmentId: Id,
    channel: Channel,
    subject: HeaderText.min(1).max(998),
    contact: ContactRef,
    status: TicketStatus.optional(),
    priority: Priority.optional(),
    assigneeAgentId: Id.nullable().optional(),
    assigneeTeamId: Id.nullable().optional(),
    secondaryContactIds: z.array(Id).optional(),
    ccAddresses: z.array(Email).optional(),
    tags: z.array(Text.min(1).max(60)).max(50).optional(),
    customFields: z.record(Text.max(100), CustomFieldValue).optional(),
    webmailThread: WebmailThread.optional(),
    firstThread: ThreadInput.optional(),
  })
  .strict();
export type TicketCreate = z.infer<typeof TicketCreate>;

export const TicketPatch = z
  .object({
    version: z.number().int().positive(),
    /** Moves the ticket (R-BULK-3: ticket.move in both departments). */
    departmentId: Id.optional(),
    subject: HeaderText.min(1).max(998).optional(),
    status: TicketStatus.optional(),
    priority: Priority.optional(),
    assigneeAgentId: Id.nullable().optional(),
    assigneeTeamId: Id.nullable().optional(),
    account: Text.max(200).nullable().optional(),
    product: Text.max(200).nullable().optional(),
    category: Text.max(200).nullable().optional(),
    tags: z.array(Text.min(1).max(60)).max(50).optional(),
    resolution: Text.max(20000).nullable().optional(),
    customFields: z.record(Text.max(100), CustomFieldValue).optional(),
    secondaryContactIds: z.array(Id).optional(),
    ccAddresses: z.array(Email).optional(),
    addWebmailThread: WebmailThread.optional(),
    /** R-BULK-12: true moves the ticket to the spam view, false takes it back out. */
    spam: z.boolean().optional(),
    /** Another contact for the ticket: the one already using the address an agent tried to give this ticket's contact. */
    contactId: Id.optional(),
    /** R-BULK-15: applies one of the department's blueprints (the ticket's status must be one of its states); null removes it. */
    blueprintId: Id.nullable().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 1, { message: 'Nothing to change: send at least one field besides version.' });
export type TicketPatch = z.infer<typeof TicketPatch>;

export const Timeline = z.object({ threads: z.array(Thread), comments: z.array(Comment) }).meta({ id: 'Timeline' });
export type Timeline = z.infer<typeof Timeline>;

export const ContactListQuery = z.object({ q: Text.max(320).optional(), cursor: Text.max(500).optional(), limit: Limit }).strict();
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ContactCreate = z.object({ email: Email, name: HeaderText.max(200).optional(), account: Text.max(200).optional() }).strict();
export type ContactCreate = z.infer<typeof ContactCreate>;

/** What an agent may change of a contact (ticket.edit): fixing the address R-REPLY-3 asks for, and R-BULK-12's sender spam mark. */
export const ContactPatch = z
  .object({
    name: HeaderText.trim().min(1).max(200).optional(),
    email: Email.optional(),
    account: Text.trim().max(200).nullable().optional(),
    /** R-BULK-12: true makes every later ticket from this address spam on arrival; false ends that. */
    spam: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change: send at least one of name, email, account, spam.' })
  .meta({ id: 'ContactPatch' });
export type ContactPatch = z.infer<typeof ContactPatch>;

export const DepartmentQuery = z.object({ departmentId: IdParam.optional() }).strict();
export type DepartmentQuery = z.infer<typeof DepartmentQuery>;

export const IdParams = z.object({ id: IdParam }).strict();
/** A row's setting in one department: PUT /roles/:id/departments/:departmentId and /agents/:id/departments/:departmentId. */
export const IdInDepartmentParams = z.object({ id: IdParam, departmentId: IdParam }).strict();

/** What every admin DELETE answers: which row went. */
export const Removed = z.object({ id: Id, removed: z.literal(true) });
export type Removed = z.infer<typeof Removed>;

export const HistoryEntry = z
  .object({
    id: Id,
    ticketId: Id,
    agentId: Id.nullable(),
    jobId: Id.nullable(),
    action: z.string(),
    changes: z.record(z.string(), z.unknown()),
    createdAt: Timestamp,
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof HistoryEntry>;
