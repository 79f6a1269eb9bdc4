import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { DepartmentFeatures } from '../../core/schemas/department';
import type { MacroStep } from '../../core/schemas/template';
import type { CustomFieldValue } from '../../core/schemas/ticket';
import type { ViewFilter } from '../../core/schemas/view';

/** Millisecond precision so a timestamp survives the round trip through JSON (sync cursors compare them). */
const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });
const id = (name: string) => bigint(name, { mode: 'number' });
/** Binary content (attachments), as Node Buffers. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Names are unique case-insensitively (the API refuses "billing" beside "Billing"; the index settles concurrent creates). */
export const departments = pgTable(
  'departments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull().unique(),
    supportAddresses: text('support_addresses')
      .array()
      .notNull()
      .default(sql`'{}'`),
    fromAddresses: text('from_addresses')
      .array()
      .notNull()
      .default(sql`'{}'`),
    helpCenter: boolean('help_center').notNull().default(false),
    features: jsonb('features').$type<DepartmentFeatures>().notNull(),
    /** The department's own SMTP server (with its credentials, so never sent to clients); null uses SMTP_URL. */
    smtpUrl: text('smtp_url'),
    /** A customer's e-mail on a closed ticket reopens it (mail ingestion). */
    reopenOnReply: boolean('reopen_on_reply').notNull().default(true),
    /** Largest attachment ingested mail may carry; a bigger one is refused with a note on the thread. */
    maxAttachmentBytes: integer('max_attachment_bytes')
      .notNull()
      .default(10 * 1024 * 1024),
    /** R-BULK-15: the blueprint every new ticket of the department starts under (API and mail); null applies none. */
    newTicketBlueprintId: id('new_ticket_blueprint_id'),
  },
  (t) => [uniqueIndex('departments_name_lower_unique').on(sql`lower(${t.name})`)],
);

export const agents = pgTable('agents', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Names are unique case-insensitively: agents pick roles from a list by name. */
export const roles = pgTable(
  'roles',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull().unique(),
    kind: text('kind', { enum: ['admin', 'lead', 'agent', 'custom'] }).notNull(),
  },
  (t) => [uniqueIndex('roles_name_lower_unique').on(sql`lower(${t.name})`)],
);

/** R-PERM-1/2: a role's permissions, one row per department. */
export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleId: id('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    departmentId: id('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
    permissions: text('permissions').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.departmentId] })],
);

export const memberships = pgTable(
  'memberships',
  {
    agentId: id('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    departmentId: id('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
    roleId: id('role_id')
      .notNull()
      .references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.departmentId] })],
);

export const teams = pgTable('teams', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  departmentId: id('department_id')
    .notNull()
    .references(() => departments.id),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: id('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    agentId: id('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.agentId] })],
);

/** Tokens are stored as SHA-256 hex only; the plain token is shown once. */
export const apiTokens = pgTable('api_tokens', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  agentId: id('agent_id')
    .notNull()
    .references(() => agents.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  label: text('label').notNull().default(''),
  createdAt: at('created_at').notNull().defaultNow(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
  /** After this the token answers 401 (optional: null never expires). */
  expiresAt: at('expires_at'),
  /** Who minted it; null for the command line. A token minted by someone who no longer manages its agent is revoked. */
  createdById: id('created_by_id').references(() => agents.id, { onDelete: 'set null' }),
});

/**
 * Who changed which token or role, and when. `departmentIds` are the departments the change
 * concerns, so each department's admins see their share (none: every manager sees it).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull().defaultNow(),
    actorId: id('actor_id').references(() => agents.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    agentId: id('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    roleId: id('role_id'),
    tokenId: id('token_id'),
    departmentIds: bigint('department_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'`),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_events_at').on(t.at)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email'),
    name: text('name').notNull().default(''),
    account: text('account'),
    deleted: boolean('deleted').notNull().default(false),
    spam: boolean('spam').notNull().default(false),
    anonymous: boolean('anonymous').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contacts_email_unique').on(sql`lower(${t.email})`)],
);

export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 1000 });

export const tickets = pgTable(
  'tickets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    number: integer('number')
      .notNull()
      .unique()
      .default(sql`nextval('ticket_number_seq')`),
    departmentId: id('department_id')
      .notNull()
      .references(() => departments.id),
    channel: text('channel').notNull(),
    contactId: id('contact_id')
      .notNull()
      .references(() => contacts.id),
    secondaryContactIds: bigint('secondary_contact_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'`),
    ccAddresses: text('cc_addresses')
      .array()
      .notNull()
      .default(sql`'{}'`),
    subject: text('subject').notNull(),
    status: text('status').notNull().default('open'),
    priority: text('priority').notNull().default('medium'),
    assigneeAgentId: id('assignee_agent_id').references(() => agents.id),
    assigneeTeamId: id('assignee_team_id').references(() => teams.id),
    account: text('account'),
    product: text('product'),
    category: text('category'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'`),
    resolution: text('resolution'),
    blueprintId: id('blueprint_id'),
    customFields: jsonb('custom_fields').$type<Record<string, CustomFieldValue>>().notNull().default({}),
    lastThreadChannel: text('last_thread_channel'),
    spam: boolean('spam').notNull().default(false),
    trashedAt: at('trashed_at'),
    mergedIntoId: id('merged_into_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    firstResponseAt: at('first_response_at'),
    /** Kept by the tickets_closed_at trigger (migration 0010): every path that closes or reopens a ticket agrees. */
    closedAt: at('closed_at'),
    onHoldSeconds: integer('on_hold_seconds').notNull().default(0),
    onHoldSince: at('on_hold_since'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tickets_department_updated').on(t.departmentId, t.updatedAt, t.id),
    index('tickets_updated').on(t.updatedAt, t.id),
    index('tickets_contact').on(t.contactId),
    // Deleting a team looks up the tickets assigned to it.
    index('tickets_assignee_team').on(t.assigneeTeamId),
  ],
);

/** The webmail conversations a ticket was created from or linked to; one conversation belongs to one ticket. */
export const ticketWebmailThreads = pgTable(
  'ticket_webmail_threads',
  {
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    mailbox: text('mailbox').notNull(),
    threadId: text('thread_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.mailbox, t.threadId] }), index('webmail_threads_ticket').on(t.ticketId)],
);

export const threads = pgTable(
  'threads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id),
    direction: text('direction').notNull(),
    channel: text('channel').notNull(),
    from: text('from_address').notNull(),
    to: text('to_addresses')
      .array()
      .notNull()
      .default(sql`'{}'`),
    cc: text('cc_addresses')
      .array()
      .notNull()
      .default(sql`'{}'`),
    bcc: text('bcc_addresses')
      .array()
      .notNull()
      .default(sql`'{}'`),
    subject: text('subject').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    bodyHtml: text('body_html'),
    /** When incoming HTML went through server/mail/inbound-html.ts; null for rows stored before it existed, which startup sanitises. */
    htmlSanitisedAt: at('html_sanitised_at'),
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    references: text('references')
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('threads_ticket').on(t.ticketId, t.createdAt), index('threads_message_id').on(t.messageId)],
);

export const comments = pgTable(
  'comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id),
    visibility: text('visibility').notNull(),
    body: text('body').notNull(),
    authorAgentId: id('author_agent_id')
      .notNull()
      .references(() => agents.id),
    createdAt: at('created_at').notNull().defaultNow(),
    editedAt: at('edited_at'),
  },
  (t) => [index('comments_ticket').on(t.ticketId, t.createdAt)],
);

/**
 * Who changed what on a ticket, and through which job. Append-only and written in bulk by mass jobs
 * (200,000 rows per job), so it has no foreign keys: their row-by-row checks cost a mass job a third
 * of its time. Its rows are written only beside the ticket change they describe, by the agent
 * making it, and go only with the ticket (trash purge).
 */
export const ticketHistory = pgTable(
  'ticket_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: id('ticket_id').notNull(),
    agentId: id('agent_id'),
    jobId: id('job_id'),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ticket_history_ticket').on(t.ticketId, t.createdAt),
    // The help center's per-customer CC limit (R-CC-6) counts one customer's additions over a day.
    index('ticket_history_customer_cc')
      .on(sql`(${t.changes}->>'byContactId')`, t.createdAt)
      .where(sql`action = 'secondary_contacts'`),
  ],
);

export const views = pgTable(
  'views',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    departmentId: id('department_id').references(() => departments.id),
    /** The agent whose own view it is; null: shared with the department. */
    ownerAgentId: id('owner_agent_id').references(() => agents.id),
    filter: jsonb('filter').$type<ViewFilter>().notNull().default({}),
    /** R-BULK-4: views unused for the department's period count as archived. */
    lastUsedAt: at('last_used_at').notNull().defaultNow(),
  },
  (t) => [index('views_department_owner').on(t.departmentId, t.ownerAgentId)],
);

/** A department's own ticket fields; tickets keep their values in custom_fields under `key`. */
export const customFields = pgTable(
  'custom_fields',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    departmentId: id('department_id')
      .notNull()
      .references(() => departments.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    options: text('options')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Required to close a ticket: mail keeps arriving without it. */
    required: boolean('required').notNull().default(false),
  },
  (t) => [uniqueIndex('custom_fields_department_key').on(t.departmentId, t.key)],
);

export const templates = pgTable('templates', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  departmentId: id('department_id')
    .notNull()
    .references(() => departments.id),
  name: text('name').notNull(),
  subject: text('subject').notNull().default(''),
  body: text('body').notNull(),
});

export const macros = pgTable('macros', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  departmentId: id('department_id')
    .notNull()
    .references(() => departments.id),
  name: text('name').notNull(),
  steps: jsonb('steps').$type<MacroStep[]>().notNull(),
});

export const blueprints = pgTable('blueprints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  departmentId: id('department_id')
    .notNull()
    .references(() => departments.id),
  name: text('name').notNull(),
  transitions: jsonb('transitions').$type<{ from: string; to: string }[]>().notNull(),
});

/** A mutation's first answer, replayed for a repeated Idempotency-Key of the same agent. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    agentId: id('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.key] })],
);

/**
 * What users see of a bulk or mass job; pg-boss only dispatches it. Counts are kept up to date as
 * batches commit, so progress survives a crash.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    operation: text('operation').notNull(),
    mode: text('mode').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    departmentId: id('department_id').references(() => departments.id),
    viewId: id('view_id').references(() => views.id),
    initiatorId: id('initiator_id')
      .notNull()
      .references(() => agents.id),
    status: text('status').notNull().default('queued'),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [index('jobs_initiator_status').on(t.initiatorId, t.status), index('jobs_view_status').on(t.viewId, t.status), index('jobs_created').on(t.createdAt)],
);

/** One row per ticket of a job: applied exactly once, because its state changes in the same transaction as the ticket. */
export const jobItems = pgTable(
  'job_items',
  {
    jobId: id('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    ticketId: id('ticket_id').notNull(),
    seq: integer('seq').notNull(),
    state: text('state').notNull().default('pending'),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.ticketId] }), index('job_items_pending').on(t.jobId, t.state, t.seq)],
);

/**
 * A mass job's tickets, fixed at submit in batches of MASS_BATCH ids: one row per batch instead of
 * one per ticket, so 200,000 tickets cost 40 rows to record and to resume. Only failures get a
 * job_items row.
 */
export const jobBatches = pgTable(
  'job_batches',
  {
    jobId: id('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    ticketIds: bigint('ticket_ids', { mode: 'number' }).array().notNull(),
    doneAt: at('done_at'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);

/**
 * One recipient of one outgoing reply, delivered in its own SMTP envelope. The status moves
 * queued → sending → sent | failed | uncertain (| bounced, from a DSN), or → retrying (a transient
 * failure, nothing handed over) → sending again at next_attempt_at, by the mail queue; `stored` when
 * no SMTP server is configured (demo). "sending" is committed before the message is handed to SMTP,
 * so a crash in between leaves it `uncertain` instead of sending it twice.
 */
export const replyRecipients = pgTable(
  'reply_recipients',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: id('job_id').references(() => jobs.id, { onDelete: 'cascade' }),
    ticketId: id('ticket_id').notNull(),
    threadId: id('thread_id').notNull(),
    address: text('address').notNull(),
    kind: text('kind').notNull(),
    token: text('token').notNull().unique(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    smtpResponse: text('smtp_response'),
    /** When the mail queue hands a `retrying` recipient over again (mail-retry.ts backoff); null for the job's first attempt. */
    nextAttemptAt: at('next_attempt_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /**
     * R-RCPT-1/2: set only when the department had read receipts on and the ticket came by e-mail;
     * the 1×1 image of this recipient's copy carries it. Separate from `token`, which mail servers
     * see in the bounce address, so nobody who handles the bounce can fake an open.
     */
    openToken: text('open_token').unique(),
    /** When SMTP accepted the message for this recipient (R-RCPT-3 delivered). */
    deliveredAt: at('delivered_at'),
    firstOpenedAt: at('first_opened_at'),
    lastOpenedAt: at('last_opened_at'),
    openCount: integer('open_count').notNull().default(0),
  },
  (t) => [
    index('reply_recipients_job').on(t.jobId, t.status),
    index('reply_recipients_thread').on(t.threadId),
    index('reply_recipients_ticket').on(t.ticketId),
    index('reply_recipients_retry').on(t.status, t.nextAttemptAt),
  ],
);

/** Follow-up tasks created by macros (R-BULK-14). */
export const ticketTasks = pgTable(
  'ticket_tasks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueAt: at('due_at').notNull(),
    createdByJobId: id('created_by_job_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('ticket_tasks_ticket').on(t.ticketId)],
);

/**
 * Every message the backend sends, recorded before it is handed to SMTP; with no SMTP configured
 * this is where mail stays (demo mode).
 */
export const outgoingMail = pgTable(
  'outgoing_mail',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    to: text('to_addresses').array().notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    /**
     * stored (kept; demo without SMTP) → sending → sent | failed | uncertain, or → retrying (a
     * transient failure, nothing handed over) → sending again at next_attempt_at.
     */
    status: text('status').notNull().default('stored'),
    response: text('response'),
    /** Hand-overs begun; bounded, so an outage ends in `failed` that an admin sees and resends. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at'),
    /** When the status last changed: a row `sending` for longer than any hand-over takes was cut off by a crash. */
    updatedAt: at('updated_at').notNull().defaultNow(),
    jobId: id('job_id'),
    /** job_result (R-BULK-9), cc_notice (R-CC-5) or sign_in_link (help center); job results go out with their job. */
    kind: text('kind').notNull().default('job_result'),
    /** Whose SMTP server and from-address the message leaves through. */
    departmentId: id('department_id'),
    ticketId: id('ticket_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('outgoing_mail_job').on(t.jobId), index('outgoing_mail_pending').on(t.status, t.kind)],
);

/** A help-center sign-in link: only its SHA-256 is kept; single use, short-lived. */
export const helpCenterLinks = pgTable('help_center_links', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  contactId: id('contact_id')
    .notNull()
    .references(() => contacts.id),
  departmentId: id('department_id')
    .notNull()
    .references(() => departments.id),
  /** Where to go once signed in (a ticket page), if the link came with a notification. */
  ticketId: id('ticket_id'),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** A signed-in help-center visitor: one contact in one department (R-CC-8); the cookie holds the token, the table its SHA-256. */
export const helpCenterSessions = pgTable('help_center_sessions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  contactId: id('contact_id')
    .notNull()
    .references(() => contacts.id),
  departmentId: id('department_id')
    .notNull()
    .references(() => departments.id),
  /** Sent with every form and compared, so another site cannot post as the visitor. */
  csrfToken: text('csrf_token').notNull(),
  expiresAt: at('expires_at').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** R-CC-8: a customer's or secondary contact's satisfaction with a replied or closed ticket; the latest counts. */
export const satisfactionRatings = pgTable(
  'satisfaction_ratings',
  {
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id),
    contactId: id('contact_id')
      .notNull()
      .references(() => contacts.id),
    rating: text('rating').notNull(),
    comment: text('comment').notNull().default(''),
    ratedAt: at('rated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.contactId] })],
);

/**
 * A support mailbox the backend reads over IMAP (mail ingestion). Its secret (password or OAuth
 * access token) is never sent to clients.
 */
export const mailboxes = pgTable('mailboxes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  departmentId: id('department_id')
    .notNull()
    .references(() => departments.id),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  /** Implicit TLS (993); false uses STARTTLS when the server offers it. */
  secure: boolean('secure').notNull(),
  username: text('username').notNull(),
  /** password | oauth2 */
  auth: text('auth').notNull().default('password'),
  secret: text('secret').notNull(),
  folder: text('folder').notNull().default('INBOX'),
  enabled: boolean('enabled').notNull().default(true),
  /** Where reading stopped: a new UIDVALIDITY starts over (Message-IDs keep that from duplicating). */
  uidValidity: bigint('uid_validity', { mode: 'number' }),
  lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
  /** The server is Gmail (X-GM-EXT-1): its thread ids become webmail links, so rows get badges. */
  gmail: boolean('gmail').notNull().default(false),
  lastPolledAt: at('last_polled_at'),
  lastError: text('last_error'),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Every message read from a mailbox, once (unique per mailbox and Message-ID), and what became of it. */
export const ingestedMessages = pgTable(
  'ingested_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    mailboxId: id('mailbox_id')
      .notNull()
      .references(() => mailboxes.id),
    messageId: text('message_id').notNull(),
    uid: bigint('uid', { mode: 'number' }).notNull(),
    /** ticket | thread | bounce | auto_reply | spam | refused */
    outcome: text('outcome').notNull(),
    ticketId: id('ticket_id'),
    threadId: id('thread_id'),
    note: text('note'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ingested_messages_once').on(t.mailboxId, t.messageId)],
);

/** A file that came with an ingested message, kept with its thread (merge moves threads, so attachments follow). */
export const attachments = pgTable(
  'attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    threadId: id('thread_id')
      .notNull()
      .references(() => threads.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_thread').on(t.threadId)],
);

/**
 * Who has a ticket open in the panel, and whether they are writing a reply (collision detection).
 * In the database, not in memory, so every backend instance sees the same agents; a row whose
 * heartbeat stopped counts as gone after expiresAt and is swept by the next heartbeat on the ticket.
 */
export const ticketPresence = pgTable(
  'ticket_presence',
  {
    // Cascade: a purged ticket (trash-purge.ts) or removed agent takes its presence rows along.
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    agentId: id('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    /** viewing | replying */
    state: text('state').notNull(),
    /** When the agent entered this state; a heartbeat in the same state keeps it. */
    since: at('since').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.agentId] }), index('ticket_presence_expiry').on(t.expiresAt)],
);
