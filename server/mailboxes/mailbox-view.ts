import type { Mailbox, MailboxAuth } from '../../core/schemas/mailbox';
import type { MailboxRow } from '../db/rows';

/** What clients see of a mailbox: everything but the secret and where reading stopped. */
export const mailboxView = (row: MailboxRow): Mailbox => ({
  id: row.id,
  departmentId: row.departmentId,
  host: row.host,
  port: row.port,
  secure: row.secure,
  username: row.username,
  auth: row.auth as MailboxAuth,
  folder: row.folder,
  enabled: row.enabled,
  gmail: row.gmail,
  lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
  lastError: row.lastError,
  hasSecret: true,
});
