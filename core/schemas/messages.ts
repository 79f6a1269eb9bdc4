import { z } from 'zod';
import { AdminCall, type AdminAnswer } from '../contracts/admin';
import { Preferences } from './preferences';
import { ContactPatch, Me, Removed, TicketCreate, TicketLookupQuery, Timeline } from './api';
import { TrashItem } from './admin';
import { Comment, CommentVisibility } from './thread';
import { DashboardView, WaitingTicket } from './dashboard';
import { Department, DepartmentFeaturesPatch } from './department';
import { Directory } from './directory';
import { Job, JobCreate, JobListQuery, JobPreview, ReplyPreviewRequest } from './job';
import { StoredMail } from './mail';
import { RememberedMailboxes, RememberMailbox } from './mailbox-address';
import { IngestedMessage, IngestSettings, IngestSettingsPatch, Mailbox, MailboxCreate, MailboxDeleteResult, MailboxPatch, MailboxTest, MailboxTestResult } from './mailbox';
import { MergePreview, MergePreviewRequest, MergeRequest, MergeResult } from './merge';
import { TicketReceipts } from './receipt';
import { TicketSatisfaction } from './satisfaction';
import { Blueprint, Macro, Template } from './template';
import { TicketReplyPreview, TicketReplyRequest } from './ticket-reply';
import { PanelPresence, PresenceState } from './presence';
import { Id } from './common';
import { Contact } from './contact';
import { SecondaryContacts, SecondaryContactsPut } from './secondary-contacts';
import { ErrorCode } from './error';
import { CustomFieldValue, Priority, Ticket, TicketStatus, WebmailProvider, WebmailThread } from './ticket';
import { CustomFieldDefinition } from './custom-field';
import { View, ViewCount, ViewCreate, ViewPatch } from './view';

/**
 * What a content script may know of a ticket: enough for a badge and for the merge pre-check
 * (R-MERGE-2/7 read the department, created time, trash and merge state), nothing from other departments.
 */
export const TicketSummary = Ticket.pick({
  id: true,
  number: true,
  departmentId: true,
  channel: true,
  status: true,
  priority: true,
  assigneeAgentId: true,
  assigneeTeamId: true,
  subject: true,
  createdAt: true,
  trashedAt: true,
  mergedIntoId: true,
  version: true,
}).extend({
  /** R-BULK-4: a spam ticket in a selection is refused; optional for summaries cached before it was sent. */
  spam: z.boolean().optional(),
});
export type TicketSummary = z.infer<typeof TicketSummary>;

export const Connection = z.object({
  backendUrl: z.url({ protocol: /^https?$/ }).max(500),
  token: z.string().min(10).max(200),
});
export type Connection = z.infer<typeof Connection>;

export const ConnectionStatus = z.object({
  configured: z.boolean(),
  backendUrl: z.string().nullable(),
  me: Me.nullable(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** What an administrator set through policy (managed storage): the URL is then not the agent's to change. */
  managed: z.object({ backendUrl: z.string().nullable(), tokenHint: z.string().nullable() }).optional(),
});
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const OutboxEntryView = z.object({
  id: z.string(),
  kind: z.enum(['create_ticket', 'update_ticket', 'submit_job', 'merge_tickets', 'set_secondary_contacts']),
  label: z.string(),
  status: z.enum(['pending', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxEntryView = z.infer<typeof OutboxEntryView>;

export const TicketChanges = z
  .object({
    departmentId: Id.optional(),
    status: TicketStatus.optional(),
    priority: Priority.optional(),
    assigneeAgentId: Id.nullable().optional(),
    assigneeTeamId: Id.nullable().optional(),
    /** R-BULK-12: this ticket spam or not spam. */
    spam: z.boolean().optional(),
    /** The contact already using the address the agent tried to give this ticket's contact. */
    contactId: Id.optional(),
    /** R-BULK-15: apply one of the department's blueprints, or null to remove it. */
    blueprintId: Id.nullable().optional(),
    /** The ticket's custom field values by key, all of them (the PATCH replaces the map). */
    customFields: z.record(z.string().max(100), CustomFieldValue).optional(),
  })
  .strict();
export type TicketChanges = z.infer<typeof TicketChanges>;

const ThreadKeyRequest = z.object({
  provider: WebmailProvider,
  mailbox: z.string().min(1).max(320),
  threadIds: z.array(z.string().min(1).max(200)).max(2000),
});

/**
 * Every message between content scripts, popup, options and the background, in one place.
 * Both ends parse with these schemas; an invalid message gets a structured error back.
 */
export const protocol = {
  'connection.status': { request: z.object({}).strict(), response: ConnectionStatus },
  'connection.test': { request: Connection, response: Me },
  'connection.save': { request: Connection, response: ConnectionStatus },
  'tickets.byThreads': { request: ThreadKeyRequest, response: z.object({ tickets: z.record(z.string(), TicketSummary) }) },
  'tickets.get': { request: z.object({ id: Id }), response: Ticket.nullable() },
  'tickets.create': { request: TicketCreate, response: z.object({ outboxId: z.string(), ticket: Ticket.nullable() }) },
  'tickets.update': {
    request: z.object({ id: Id, version: z.number().int().positive(), changes: TicketChanges }),
    response: z.object({ outboxId: z.string(), ticket: Ticket.nullable() }),
  },
  /** The tickets an incoming message already became (Outlook shows no Message-ID): by sender, subject and time. */
  'tickets.lookup': { request: TicketLookupQuery.omit({ departmentId: true }), response: z.object({ items: z.array(TicketSummary) }) },
  /** Brings the conversation to an existing ticket, through the outbox; ticket is null while it waits for the backend. */
  'tickets.link': {
    request: z.object({ id: Id, version: z.number().int().positive(), webmailThread: WebmailThread }),
    response: z.object({ outboxId: z.string(), ticket: Ticket.nullable() }),
  },
  /** R-MERGE-10: the contact's other live tickets, to merge from one ticket's panel. */
  'tickets.ofContact': { request: z.object({ contactId: Id, excludeId: Id.optional() }), response: z.object({ items: z.array(TicketSummary) }) },
  'tickets.timeline': { request: z.object({ id: Id }), response: Timeline },
  /** R-BULK-11: the trashed ticket holding the open conversation when no live one does, to show it with Restore. */
  'tickets.inTrash': { request: z.object({ provider: WebmailProvider, mailbox: z.string().min(1).max(320), threadId: z.string().min(1).max(200) }), response: Ticket.nullable() },
  /** Notes (private, the default) and public comments of one ticket; direct calls, answered at once or refused. */
  'comments.add': { request: z.object({ ticketId: Id, visibility: CommentVisibility.default('private'), body: z.string().trim().min(1).max(100_000) }), response: Comment },
  'comments.edit': { request: z.object({ ticketId: Id, commentId: Id, body: z.string().trim().min(1).max(100_000) }), response: Comment },
  'comments.remove': { request: z.object({ ticketId: Id, commentId: Id }), response: Comment },
  'contacts.get': { request: z.object({ id: Id }), response: Contact },
  /** Name, address, account, or the sender spam mark (R-BULK-12); an address in use answers CONFLICT with that contact. */
  'contacts.update': { request: z.object({ id: Id, changes: ContactPatch }), response: Contact },
  /** R-BULK-11: the trashed tickets of the agent's departments, newest first, each with its purge time. */
  'trash.list': { request: z.object({}).strict(), response: z.object({ items: z.array(TrashItem) }) },
  'trash.restore': { request: z.object({ id: Id }), response: Ticket },
  /** A kept attachment's bytes as base64 (at most MAX_DOWNLOAD_BYTES), fetched with the token the content script never sees. */
  'attachments.download': { request: z.object({ id: Id }), response: z.object({ base64: z.string() }) },
  'merge.preview': { request: MergePreviewRequest, response: MergePreview },
  /** Through the outbox like jobs.submit; result is null while the merge waits for the backend. */
  'merge.run': { request: MergeRequest, response: z.object({ outboxId: z.string(), result: MergeResult.nullable() }) },
  /** R-RCPT-7: the tracked messages of a ticket with their marks; empty while the department has receipts off (R-RCPT-9). */
  'receipts.ofTicket': { request: z.object({ ticketId: Id }), response: TicketReceipts },
  /** R-CC-8: the ratings the ticket's contact and secondary contacts gave in the help center. */
  'satisfaction.ofTicket': { request: z.object({ ticketId: Id }), response: TicketSatisfaction },
  /** R-CC-1..4: a ticket's secondary contacts, and why its department allows none (disabledReason). */
  'cc.ofTicket': { request: z.object({ ticketId: Id }), response: SecondaryContacts },
  /** The ticket's whole list after the change, through the outbox; result is null while it waits for the backend. */
  'cc.set': {
    request: SecondaryContactsPut.extend({ ticketId: Id }),
    response: z.object({ outboxId: z.string(), result: SecondaryContacts.nullable() }),
  },
  /** R-CC-4: existing contacts to pick as secondary contacts, by name or address. */
  'contacts.search': { request: z.object({ q: z.string().trim().min(1).max(320) }), response: z.object({ items: z.array(Contact) }) },
  'departments.list': { request: z.object({}).strict(), response: z.object({ items: z.array(Department) }) },
  /** Admin switches per department (settings.manage): read receipts (R-RCPT-1), help center and CC with its options (R-CC-1, R-CC-6). */
  'departments.setFeatures': { request: z.object({ departmentId: Id, features: DepartmentFeaturesPatch }), response: Department },
  /** Mail ingestion settings (settings.manage): direct calls, never queued, since a queued body would keep the secret in the browser. */
  'mailboxes.list': { request: z.object({ departmentId: Id }), response: z.object({ items: z.array(Mailbox) }) },
  'mailboxes.create': { request: z.object({ departmentId: Id, mailbox: MailboxCreate }), response: Mailbox },
  'mailboxes.update': { request: z.object({ id: Id, changes: MailboxPatch }), response: Mailbox },
  'mailboxes.remove': { request: z.object({ id: Id }), response: MailboxDeleteResult },
  'mailboxes.test': { request: z.object({ departmentId: Id, connection: MailboxTest }), response: MailboxTestResult },
  'mailboxes.recent': { request: z.object({ id: Id }), response: z.object({ items: z.array(IngestedMessage) }) },
  'ingestSettings.get': { request: z.object({ departmentId: Id }), response: IngestSettings },
  'ingestSettings.set': { request: z.object({ departmentId: Id, settings: IngestSettingsPatch }), response: IngestSettings },
  'outbox.list': { request: z.object({}).strict(), response: z.object({ items: z.array(OutboxEntryView) }) },
  'outbox.retry': { request: z.object({ id: z.string() }), response: z.object({ ok: z.boolean() }) },
  'sync.now': { request: z.object({}).strict(), response: z.object({ changed: z.number().int() }) },
  'directory.get': { request: z.object({}).strict(), response: Directory },
  'jobs.preview': { request: JobCreate, response: JobPreview },
  'jobs.submit': { request: JobCreate, response: z.object({ outboxId: z.string(), job: Job.nullable() }) },
  'jobs.get': { request: z.object({ id: Id }), response: Job },
  'jobs.list': { request: JobListQuery, response: z.object({ items: z.array(Job), nextCursor: z.string().nullable() }) },
  'jobs.cancel': { request: z.object({ id: Id }), response: Job },
  'jobs.resend': { request: z.object({ id: Id, confirmUncertain: z.boolean().optional() }), response: Job },
  'mail.stored': { request: z.object({}).strict(), response: z.object({ items: z.array(StoredMail) }) },
  /** A department's custom field definitions, for the ticket panel and the bulk and mass field pickers. */
  'customFields.list': { request: z.object({ departmentId: Id }), response: z.object({ items: z.array(CustomFieldDefinition) }) },
  'views.list': { request: z.object({ departmentId: Id.optional() }), response: z.object({ items: z.array(View) }) },
  'views.count': { request: z.object({ viewId: Id }), response: ViewCount },
  'views.create': { request: ViewCreate, response: View },
  'views.update': { request: z.object({ viewId: Id, patch: ViewPatch }), response: View },
  'views.remove': { request: z.object({ viewId: Id }), response: Removed },
  'templates.list': { request: z.object({ departmentId: Id }), response: z.object({ items: z.array(Template) }) },
  'replies.preview': { request: ReplyPreviewRequest, response: JobPreview },
  /** One ticket's reply from the panel (ticket.send_email, R-PERM-2): the preview sends nothing; send goes through the outbox. */
  'ticketReplies.preview': { request: z.object({ ticketId: Id, reply: TicketReplyRequest }), response: TicketReplyPreview },
  'ticketReplies.send': { request: z.object({ ticketId: Id, reply: TicketReplyRequest }), response: z.object({ outboxId: z.string(), job: Job.nullable() }) },
  'macros.list': { request: z.object({ departmentId: Id }), response: z.object({ items: z.array(Macro) }) },
  /** R-BULK-15: the department's blueprints, for the panel's Blueprint section. */
  'blueprints.list': { request: z.object({ departmentId: Id }), response: z.object({ items: z.array(Blueprint) }) },
  /** Collision detection: the open panel's heartbeat (viewing, or replying while the composer has text); answers the other agents on the ticket. */
  'presence.beat': { request: z.object({ ticketId: Id, state: PresenceState }), response: PanelPresence },
  /** The panel closed or moved to another ticket: the agent leaves at once instead of expiring. */
  'presence.leave': { request: z.object({ ticketId: Id }), response: PanelPresence },
  /** The popup's dashboard: refresh false answers from the stored snapshot at once (computing one only if none exists); true syncs (when connected), then recomputes a stale snapshot. */
  'dashboard.get': { request: z.object({ refresh: z.boolean() }).strict(), response: DashboardView },
  /** More of one dashboard list than the snapshot holds, from the local index (oldest first). */
  'dashboard.list': {
    request: z.object({ list: z.enum(['unassigned', 'oldestWaiting']), limit: z.number().int().min(1).max(1000) }).strict(),
    response: z.object({ total: z.number().int().nonnegative(), items: z.array(WaitingTicket) }),
  },
  /**
   * One admin console call (adminContracts in core/contracts/admin.ts): checked against the contract
   * here and re-checked by the backend. The answer is whatever that contract answers; messaging/admin.ts
   * parses it with that contract's own response schema, so this entry only types it.
   */
  'admin.call': { request: AdminCall, response: z.custom<AdminAnswer>() },
  'preferences.get': { request: z.object({}).strict(), response: Preferences },
  'preferences.set': { request: Preferences, response: Preferences },
  /** Mailbox addresses the agent set for webmail accounts whose page does not show theirs: content scripts may ask and set them. */
  'mailboxAddresses.get': { request: z.object({}).strict(), response: RememberedMailboxes },
  'mailboxAddresses.set': { request: RememberMailbox, response: RememberedMailboxes },
} as const;

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.input<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<(typeof protocol)[T]['response']>;

export const Envelope = z.object({ type: z.string(), payload: z.unknown() });

export const MessageError = z.object({ code: ErrorCode, message: z.string(), rule: z.string().optional(), details: z.unknown().optional() });
export type MessageError = z.infer<typeof MessageError>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: MessageError };

/**
 * What the background pushes to the webmail tabs, unasked and unanswered: each push's payload schema.
 * Listed here beside `protocol`, so this file stays the one place that lists every message.
 */
export const pushes = {
  /** The ticket index changed (a sync, a delivered or refused write): badges and the panel read their tickets again. */
  'index.changed': z.object({}).strict(),
} as const;

export type PushType = keyof typeof pushes;
export type PushOf<T extends PushType> = z.output<(typeof pushes)[T]>;
