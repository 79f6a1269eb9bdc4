import { z } from 'zod';
import { Id, Text, Timestamp } from './common';

/** A host name or address, nothing URL-like: the IMAP client gets it as is. */
const Host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or IP address, e.g. imap.gmail.com');
const Port = z.number().int().min(1).max(65535);
const Username = Text.trim().min(1).max(320);
export const MailboxAuth = z.enum(['password', 'oauth2']);
export type MailboxAuth = z.infer<typeof MailboxAuth>;
/** A password or an OAuth 2 access token (Microsoft's run to a few KB). */
const Secret = Text.min(1).max(16_384);
const Folder = Text.trim().min(1).max(200);

/** Everything needed to log in to an IMAP server and open the folder that is read. */
const ConnectionFields = z.object({ host: Host, port: Port, secure: z.boolean(), username: Username, auth: MailboxAuth, secret: Secret, folder: Folder });

export const MailboxCreate = ConnectionFields.extend({ folder: Folder.default('INBOX'), enabled: z.boolean().default(true) }).strict();
export type MailboxCreate = z.infer<typeof MailboxCreate>;

/** Only what is sent changes; without `secret` the stored one is kept. */
export const MailboxPatch = ConnectionFields.extend({ enabled: z.boolean() })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change: send at least one field.' });
export type MailboxPatch = z.infer<typeof MailboxPatch>;

/**
 * A connection to try: every field, or a saved mailbox's id with the fields being edited (the
 * saved secret is used unless a new one is given), so an edit can be tested before it is saved.
 */
export const MailboxTest = z.union([ConnectionFields.extend({ folder: Folder.default('INBOX') }).strict(), ConnectionFields.partial().extend({ mailboxId: Id }).strict()]);
export type MailboxTest = z.infer<typeof MailboxTest>;

export const MailboxTestResult = z
  .object({
    ok: z.boolean(),
    /** What worked, or the one line that says what failed. */
    message: z.string(),
    /** The server is Gmail (X-GM-EXT-1): tickets get Gmail thread ids, so rows show badges unopened. */
    gmail: z.boolean().optional(),
    folders: z.array(z.string()).optional(),
    capabilities: z.array(z.string()).optional(),
  })
  .meta({ id: 'MailboxTestResult' });
export type MailboxTestResult = z.infer<typeof MailboxTestResult>;

/** What clients see of a mailbox: never its secret. */
export const Mailbox = z
  .object({
    id: Id,
    departmentId: Id,
    host: z.string(),
    port: z.number().int(),
    secure: z.boolean(),
    username: z.string(),
    auth: MailboxAuth,
    folder: z.string(),
    enabled: z.boolean(),
    gmail: z.boolean(),
    lastPolledAt: Timestamp.nullable(),
    lastError: z.string().nullable(),
    /** Always true: a mailbox is saved with a secret, which stays on the server. */
    hasSecret: z.literal(true),
  })
  .meta({ id: 'Mailbox' });
export type Mailbox = z.infer<typeof Mailbox>;

/** DELETE answers whether the mailbox went, or was turned off to keep its record of read messages. */
export const MailboxDeleteResult = z.object({ deleted: z.boolean(), mailbox: Mailbox.nullable() }).meta({ id: 'MailboxDeleteResult' });
export type MailboxDeleteResult = z.infer<typeof MailboxDeleteResult>;

export const IngestOutcome = z.enum(['ticket', 'thread', 'bounce', 'auto_reply', 'spam', 'refused']);
export type IngestOutcome = z.infer<typeof IngestOutcome>;

/** One message read from a mailbox and what became of it. */
export const IngestedMessage = z
  .object({
    id: Id,
    messageId: z.string(),
    uid: z.number().int(),
    outcome: IngestOutcome,
    ticketId: Id.nullable(),
    ticketNumber: z.number().int().nullable(),
    threadId: Id.nullable(),
    note: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'IngestedMessage' });
export type IngestedMessage = z.infer<typeof IngestedMessage>;

export const RecentQuery = z.object({ limit: z.coerce.number<number | string>().int().min(1).max(100).default(20) }).strict();

export const MIN_ATTACHMENT_BYTES = 1024;
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** Per-department choices about ingested mail (R-PERM-1). */
export const IngestSettings = z
  .object({
    /** A customer's e-mail on a closed ticket reopens it. */
    reopenOnReply: z.boolean(),
    /** Larger attachments are refused with a note on the thread. */
    maxAttachmentBytes: z.number().int().min(MIN_ATTACHMENT_BYTES).max(MAX_ATTACHMENT_BYTES),
  })
  .meta({ id: 'IngestSettings' });
export type IngestSettings = z.infer<typeof IngestSettings>;

export const IngestSettingsPatch = IngestSettings.partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change: send reopenOnReply or maxAttachmentBytes.' });
export type IngestSettingsPatch = z.infer<typeof IngestSettingsPatch>;
