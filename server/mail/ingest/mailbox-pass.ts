import { and, eq, sql } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import type { Db } from '../../db/client';
import { mailboxes } from '../../db/schema';
import { SecretKeyMismatch } from '../../secrets/secret-box';
import { describeImapError, openFolder } from './imap-connection';
import { ingestMessage, type IngestResult } from './ingest-message';
import type { MailboxRow } from '../../db/rows';

export type PassCounts = Record<IngestResult['outcome'], number>;

const emptyCounts = (): PassCounts => ({ ticket: 0, thread: 0, bounce: 0, auto_reply: 0, spam: 0, refused: 0, seen: 0 });

/** One fetched message could not be turned into a ticket or thread; its text is shown as is, unlike IMAP errors. */
export class MessageIngestFailure extends Error {
  override name = 'MessageIngestFailure';
}

async function mailboxRow(db: Db, id: number): Promise<MailboxRow> {
  const [row] = await db.select().from(mailboxes).where(eq(mailboxes.id, id));
  if (!row) throw new Error(`Mailbox ${id} no longer exists.`);
  return row;
}

/**
 * A new UIDVALIDITY means the server renumbered the folder: old UIDs mean nothing, so reading
 * starts over at UID 1 and the Message-IDs already ingested keep it from duplicating anything.
 */
async function syncUidValidity(db: Db, row: MailboxRow, uidValidity: number, gmail: boolean): Promise<MailboxRow> {
  if (row.uidValidity === uidValidity && row.gmail === gmail) return row;
  const renumbered = row.uidValidity !== uidValidity;
  await db
    .update(mailboxes)
    .set({ gmail, ...(renumbered ? { uidValidity, lastUid: 0 } : {}) })
    // A concurrent run that already switched to this UIDVALIDITY keeps its progress.
    .where(and(eq(mailboxes.id, row.id), renumbered ? sql`${mailboxes.uidValidity} is distinct from ${uidValidity}` : undefined));
  return mailboxRow(db, row.id);
}

/** UIDs above the last one read, in order. `n:*` always names the newest message, even below n, hence the filter. */
async function newUids(client: ImapFlow, lastUid: number): Promise<number[]> {
  const uids = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
  return uids.filter((uid) => uid > lastUid).sort((a, b) => a - b);
}

/** Drizzle wraps a database error in "Failed query: <the whole SQL>"; the admin needs the database's own words. */
function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

async function ingestUid(db: Db, client: ImapFlow, row: MailboxRow, uid: number): Promise<IngestResult['outcome'] | null> {
  const message = await client.fetchOne(String(uid), { uid: true, source: true, threadId: row.gmail }, { uid: true });
  // Expunged since the search: nothing to read, and nothing to wait for.
  if (!message || !message.source) return null;
  try {
    return (await ingestMessage(db, row, { uid, source: message.source, gmailThreadId: message.threadId })).outcome;
  } catch (error) {
    throw new MessageIngestFailure(`Message UID ${uid} could not be ingested (it is read again on the next pass): ${rootMessage(error)}`, { cause: error });
  }
}

/**
 * Reads what arrived since the last pass, one message per transaction, in UID order, and stops at
 * the first message that fails so none is ever skipped. `signal` stops it between two messages.
 */
export async function fetchNewMail(db: Db, client: ImapFlow, mailboxId: number, signal?: AbortSignal): Promise<PassCounts> {
  let row = await mailboxRow(db, mailboxId);
  const folder = await openFolder(client, row.folder);
  row = await syncUidValidity(db, row, Number(folder.uidValidity), client.capabilities.has('X-GM-EXT-1'));
  const counts = emptyCounts();
  for (const uid of await newUids(client, row.lastUid)) {
    if (signal?.aborted) break;
    const outcome = await ingestUid(db, client, row, uid);
    if (outcome) counts[outcome]++;
  }
  return counts;
}

/** The mailbox row says when it was last read and what went wrong, for the admin page. */
export async function recordPass(db: Db, mailboxId: number, error: unknown): Promise<string | null> {
  // Both messages already say what to do; a wrong key is no IMAP error.
  const lastError = error === null ? null : error instanceof MessageIngestFailure || error instanceof SecretKeyMismatch ? error.message : describeImapError(error);
  await db
    .update(mailboxes)
    .set({ lastPolledAt: sql`now()`, lastError })
    .where(eq(mailboxes.id, mailboxId));
  return lastError;
}
