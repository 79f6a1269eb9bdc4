import type { MailboxPatch } from '../../core/schemas/mailbox';
import type { MailboxRow } from '../db/rows';

/** Fields that say which folder on which server is read. */
const WHERE_READ = ['host', 'port', 'username', 'folder'] as const;
const CONNECTION = [...WHERE_READ, 'secure', 'auth', 'secret'] as const;

const changes = (row: MailboxRow, patch: MailboxPatch, keys: readonly (keyof MailboxPatch & keyof MailboxRow)[]) =>
  keys.some((key) => patch[key] !== undefined && patch[key] !== row[key]);

/**
 * The update a patch makes. Reading another folder starts from its first message again (its UIDs
 * mean nothing to the old position; Message-IDs still keep anything from being read twice), and an
 * error about the old connection no longer describes the new one.
 */
export function mailboxUpdate(row: MailboxRow, patch: MailboxPatch): Partial<MailboxRow> {
  const update: Partial<MailboxRow> = { ...patch };
  if (changes(row, patch, WHERE_READ)) Object.assign(update, { uidValidity: null, lastUid: 0 });
  if (changes(row, patch, CONNECTION)) update.lastError = null;
  return update;
}
