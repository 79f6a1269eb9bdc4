import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ingestedMessages, mailboxes } from '../../db/schema';
import { gmailConversation } from './gmail-link';
import { parseIncomingMail, syntheticMessageId, type IncomingMail } from './incoming-mail';
import { routeMail, type Routed } from './mail-routing';
import type { MailboxRow } from '../../db/rows';

/** One message as fetched: its UID in the folder, raw source and, on Gmail, X-GM-THRID (decimal). */
export interface FetchedMessage {
  uid: number;
  source: Buffer;
  gmailThreadId?: string | undefined;
}

/** `seen`: another run (or an earlier one with another UIDVALIDITY) already ingested this Message-ID. */
export type IngestResult = Routed | { outcome: 'seen' };

/** A message the parser cannot read is still recorded once (as refused), instead of blocking the mailbox forever. */
async function parse(message: FetchedMessage): Promise<IncomingMail | { messageId: string; error: string }> {
  try {
    return await parseIncomingMail(message.source);
  } catch (error) {
    return { messageId: syntheticMessageId(message.source), error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Claims the Message-ID for this mailbox. Under a concurrent run the unique index makes the second
 * insert wait for the first transaction and then do nothing, so each message is applied once.
 */
async function claim(tx: Db, mailboxId: number, uid: number, messageId: string): Promise<number | null> {
  const [row] = await tx.insert(ingestedMessages).values({ mailboxId, messageId, uid, outcome: 'refused' }).onConflictDoNothing().returning({ id: ingestedMessages.id });
  return row?.id ?? null;
}

/** Never moves backwards (a slower concurrent run), and only within the UIDVALIDITY this run read. */
async function advance(tx: Db, mailbox: MailboxRow, uid: number): Promise<void> {
  await tx
    .update(mailboxes)
    .set({ lastUid: sql`greatest(${mailboxes.lastUid}, ${uid})` })
    .where(and(eq(mailboxes.id, mailbox.id), eq(mailboxes.uidValidity, mailbox.uidValidity!)));
}

function route(tx: Db, mailbox: MailboxRow, mail: IncomingMail | { error: string }, message: FetchedMessage): Promise<Routed> | Routed {
  if ('error' in mail) return { outcome: 'refused', note: `The message could not be read: ${mail.error}` };
  return routeMail(tx, mailbox, mail, mailbox.gmail ? gmailConversation(mailbox.username, message.gmailThreadId) : null);
}

/**
 * Ingests one message in ONE transaction: claim its Message-ID, route it (ticket, thread, bounce,
 * ignored), record the outcome and move the mailbox's last UID past it. A crash before the commit
 * leaves nothing behind and the message is read again; after it, the message is never applied twice.
 */
export async function ingestMessage(db: Db, mailbox: MailboxRow, message: FetchedMessage): Promise<IngestResult> {
  const mail = await parse(message);
  return db.transaction(async (t) => {
    const tx = t as Db;
    const claimed = await claim(tx, mailbox.id, message.uid, mail.messageId);
    let result: IngestResult = { outcome: 'seen' };
    if (claimed !== null) {
      result = await route(tx, mailbox, mail, message);
      await tx
        .update(ingestedMessages)
        .set({ outcome: result.outcome, ticketId: result.ticketId ?? null, threadId: result.threadId ?? null, note: result.note ?? null })
        .where(eq(ingestedMessages.id, claimed));
    }
    await advance(tx, mailbox, message.uid);
    return result;
  });
}
