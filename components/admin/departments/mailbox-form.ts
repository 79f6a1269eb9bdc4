import { secretNeeded } from '../../../core/rules/mailbox-secret';
import type { Mailbox, MailboxAuth, MailboxCreate, MailboxPatch, MailboxTest } from '../../../core/schemas/mailbox';

/** The add/edit form as typed; `secret` is empty while editing unless the admin enters a new one. */
export interface MailboxDraft {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  auth: MailboxAuth;
  secret: string;
  folder: string;
  enabled: boolean;
}

export type Provider = 'gmail' | 'microsoft';

/** Where each provider's IMAP lives; Microsoft 365 turned basic auth off, so it takes an OAuth token. */
export const PRESETS: Record<Provider, Pick<MailboxDraft, 'host' | 'port' | 'secure' | 'auth'>> = {
  gmail: { host: 'imap.gmail.com', port: 993, secure: true, auth: 'password' },
  microsoft: { host: 'outlook.office365.com', port: 993, secure: true, auth: 'oauth2' },
};

export const emptyDraft = (): MailboxDraft => ({ host: '', port: 993, secure: true, username: '', auth: 'password', secret: '', folder: 'INBOX', enabled: true });

export const draftOf = (m: Mailbox): MailboxDraft => ({
  host: m.host,
  port: m.port,
  secure: m.secure,
  username: m.username,
  auth: m.auth,
  secret: '',
  folder: m.folder,
  enabled: m.enabled,
});

const trimmed = (d: MailboxDraft) => ({ ...d, host: d.host.trim(), username: d.username.trim(), folder: d.folder.trim() || 'INBOX' });

/** The connection fields that differ from the saved mailbox, a new secret included. */
function changed(saved: Mailbox, draft: MailboxDraft): MailboxPatch {
  const d = trimmed(draft);
  const keys = ['host', 'port', 'secure', 'username', 'auth', 'folder', 'enabled'] as const;
  const patch: Record<string, unknown> = Object.fromEntries(keys.filter((k) => d[k] !== saved[k]).map((k) => [k, d[k]]));
  if (d.secret) patch.secret = d.secret;
  return patch as MailboxPatch;
}

/** Whether the secret field must be filled: always for a new mailbox, for an edit when it moves the secret elsewhere. */
export const secretRequired = (saved: Mailbox | null, draft: MailboxDraft) => saved === null || secretNeeded(saved, trimmed(draft));

/** The form can be tested or saved: the server, user and (when needed) secret are there. */
export const draftComplete = (saved: Mailbox | null, draft: MailboxDraft) =>
  draft.host.trim() !== '' && draft.username.trim() !== '' && Number.isInteger(draft.port) && (draft.secret !== '' || !secretRequired(saved, draft));

export const createBody = (draft: MailboxDraft): MailboxCreate => trimmed(draft);

/** Only what changed; null when nothing did. */
export function patchBody(saved: Mailbox, draft: MailboxDraft): MailboxPatch | null {
  const patch = changed(saved, draft);
  return Object.keys(patch).length > 0 ? patch : null;
}

/** A saved mailbox is tested with its stored secret and the edits on top; a new one with every field. */
export function testBody(saved: Mailbox | null, draft: MailboxDraft): MailboxTest {
  const { enabled: _enabled, ...connection } = trimmed(draft);
  if (saved === null) return connection;
  const { enabled: _, ...edits } = changed(saved, draft);
  return { mailboxId: saved.id, ...edits };
}

export type SizeUnit = 'KB' | 'MB';
const UNIT_BYTES: Record<SizeUnit, number> = { KB: 1024, MB: 1024 * 1024 };

/** A byte count as the form shows it: whole MB when it is one, else KB. */
export function sizeParts(bytes: number): { amount: number; unit: SizeUnit } {
  if (bytes % UNIT_BYTES.MB === 0) return { amount: bytes / UNIT_BYTES.MB, unit: 'MB' };
  return { amount: Math.round((bytes / UNIT_BYTES.KB) * 100) / 100, unit: 'KB' };
}

export const bytesOf = (amount: number, unit: SizeUnit) => Math.round(amount * UNIT_BYTES[unit]);
