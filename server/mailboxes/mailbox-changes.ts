import type { MailboxPatch } from '../../core/schemas/mailbox';
import type { MailboxRow } from '../db/rows';
import { SecretKeyMismatch } from '../secrets/secret-box';
import { openSecret, sealSecret } from '../secrets/stored-secrets';

/** Fields that say which folder on which server is read. */
const WHERE_READ = ['host', 'port', 'username', 'folder'] as const;
const CONNECTION = [...WHERE_READ, 'secure', 'auth'] as const;

const changes = (row: MailboxRow, patch: MailboxPatch, keys: readonly (keyof MailboxPatch & keyof MailboxRow)[]) =>
  keys.some((key) => patch[key] !== undefined && patch[key] !== row[key]);

/** Whether a secret sent is another than the saved one; one this key cannot read counts as another. */
function newSecret(row: MailboxRow, secret: string | undefined): boolean {
  if (secret === undefined) return false;
  try {
    return openSecret(row.secret, 'The saved password or token') !== secret;
  } catch (error) {
    if (error instanceof SecretKeyMismatch) return true;
    throw error;
  }
}

/**
 * The update a patch makes, its secret encrypted. Reading another folder starts from its first
 * message again (its UIDs mean nothing to the old position; Message-IDs still keep anything from
 * being read twice), and an error about the old connection no longer describes the new one.
 */
export function mailboxUpdate(row: MailboxRow, patch: MailboxPatch): Partial<MailboxRow> {
  const { secret, ...rest } = patch;
  const update: Partial<MailboxRow> = { ...rest, ...(secret === undefined ? {} : { secret: sealSecret(secret) }) };
  if (changes(row, patch, WHERE_READ)) Object.assign(update, { uidValidity: null, lastUid: 0 });
  if (changes(row, patch, CONNECTION) || newSecret(row, secret)) update.lastError = null;
  return update;
}
