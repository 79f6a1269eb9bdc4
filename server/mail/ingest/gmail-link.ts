import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ticketWebmailThreads } from '../../db/schema';

export interface GmailConversation {
  /** The account address, as the extension reports the mailbox of a Gmail page. */
  mailbox: string;
  /** X-GM-THRID in hexadecimal: the thread id the Gmail web page shows (e.g. '19a0c0ffee000001'). */
  threadId: string;
}

/** Gmail's X-GM-THRID is a decimal 64-bit number; the web page shows the same number in hex. */
export function gmailConversation(mailbox: string, thrid: string | null | undefined): GmailConversation | null {
  if (!thrid || !/^\d+$/.test(thrid)) return null;
  return { mailbox: mailbox.toLowerCase(), threadId: BigInt(thrid).toString(16) };
}

/** The ticket the conversation is linked to: created from it in the extension, or by earlier mail. */
export async function ticketOfConversation(tx: Db, conversation: GmailConversation): Promise<number | null> {
  const [row] = await tx
    .select({ ticketId: ticketWebmailThreads.ticketId })
    .from(ticketWebmailThreads)
    .where(and(eq(ticketWebmailThreads.provider, 'gmail'), eq(ticketWebmailThreads.mailbox, conversation.mailbox), eq(ticketWebmailThreads.threadId, conversation.threadId)));
  return row?.ticketId ?? null;
}

/**
 * Links the Gmail conversation to the ticket, so the extension badges its row without anyone opening
 * it. A conversation already linked (to this or another ticket) stays as it is: one conversation
 * belongs to one ticket (webmail-links.ts), and a reply found by its headers may sit in another one.
 */
export async function linkGmailConversation(tx: Db, ticketId: number, conversation: GmailConversation): Promise<void> {
  if ((await ticketOfConversation(tx, conversation)) !== null) return;
  await tx
    .insert(ticketWebmailThreads)
    .values({ ticketId, provider: 'gmail', ...conversation })
    .onConflictDoNothing();
}
