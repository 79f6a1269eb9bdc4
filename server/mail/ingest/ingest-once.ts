import { asc, eq } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import type { Db } from '../../db/client';
import { mailboxes } from '../../db/schema';
import { connectImap, describeImapError, savedMailboxSettings } from './imap-connection';
import { fetchNewMail, recordPass, type PassCounts } from './mailbox-pass';
import type { MailboxRow } from '../../db/rows';

export interface OnceResult {
  mailboxId: number;
  username: string;
  folder: string;
  counts: PassCounts | null;
  /** One line, as stored in mailboxes.last_error; null when the pass succeeded. */
  error: string | null;
}

async function passOnce(db: Db, mailbox: MailboxRow, connectTimeoutMs: number): Promise<OnceResult> {
  const base = { mailboxId: mailbox.id, username: mailbox.username, folder: mailbox.folder };
  let client: ImapFlow | undefined;
  try {
    client = await connectImap(savedMailboxSettings({ ...mailbox, auth: mailbox.auth as 'password' | 'oauth2' }), {
      connectionTimeout: connectTimeoutMs,
      greetingTimeout: connectTimeoutMs,
      disableAutoIdle: true,
    });
    const counts = await fetchNewMail(db, client, mailbox.id);
    await recordPass(db, mailbox.id, null);
    return { ...base, counts, error: null };
  } catch (error) {
    return { ...base, counts: null, error: (await recordPass(db, mailbox.id, error).catch(() => null)) ?? describeImapError(error) };
  } finally {
    await client?.logout().catch(() => client?.close());
  }
}

/**
 * One pass over every enabled mailbox, one after the other (operators' `ingest --once`, and tests).
 * A mailbox that fails does not stop the others; its error is in the result and on its row.
 */
export async function ingestOnce(db: Db, options: { connectTimeoutMs?: number } = {}): Promise<OnceResult[]> {
  const rows = await db.select().from(mailboxes).where(eq(mailboxes.enabled, true)).orderBy(asc(mailboxes.id));
  const results: OnceResult[] = [];
  for (const mailbox of rows) results.push(await passOnce(db, mailbox, options.connectTimeoutMs ?? 15_000));
  return results;
}
