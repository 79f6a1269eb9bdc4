import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { messageIdSpellings } from '../../../core/mail/message-ids';
import { ticketNumberInSubject } from '../../../core/mail/ticket-reference';
import type { Db } from '../../db/client';
import { threads, tickets } from '../../db/schema';
import { ticketOfConversation, type GmailConversation } from './gmail-link';
import type { IncomingMail } from './incoming-mail';
import type { TicketRow } from '../../db/rows';

/** Merges chain at most this deep; a longer chain means corrupt data, not a real history. */
const MAX_MERGE_HOPS = 10;

/**
 * Where mail for a ticket lands: a merged-away ticket forwards to its primary (R-MERGE-6 moved its
 * conversation there). Null when the end of the chain is in the trash: the customer gets a new ticket.
 */
export async function liveTicket(db: Db, ticketId: number): Promise<TicketRow | null> {
  let id = ticketId;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    if (!row) return null;
    if (row.mergedIntoId === null) return row.trashedAt === null ? row : null;
    id = row.mergedIntoId;
  }
  return null;
}

/** A thread already carrying this Message-ID: the same message read again (another mailbox, or the extension saved it first). */
export async function threadWithMessageId(db: Db, messageId: string): Promise<{ threadId: number; ticketId: number } | null> {
  const [row] = await db
    .select({ threadId: threads.id, ticketId: threads.ticketId })
    .from(threads)
    .where(inArray(threads.messageId, messageIdSpellings([messageId])))
    .limit(1);
  return row ?? null;
}

/** In-Reply-To/References naming one of our threads; the mailbox's own department first, then the newest. */
async function byReferences(db: Db, mail: IncomingMail, departmentId: number): Promise<number | null> {
  if (mail.references.length === 0) return null;
  const [row] = await db
    .select({ ticketId: threads.ticketId })
    .from(threads)
    .innerJoin(tickets, eq(tickets.id, threads.ticketId))
    .where(inArray(threads.messageId, messageIdSpellings(mail.references)))
    .orderBy(sql`${tickets.departmentId} = ${departmentId} desc`, desc(threads.createdAt), desc(threads.id))
    .limit(1);
  return row?.ticketId ?? null;
}

/** `[#1234]` in the subject, only among the mailbox department's tickets: numbers are easy to guess across departments. */
async function bySubjectNumber(db: Db, subject: string, departmentId: number): Promise<number | null> {
  const number = ticketNumberInSubject(subject);
  if (number === null) return null;
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.number, number), eq(tickets.departmentId, departmentId)));
  return row?.id ?? null;
}

/**
 * The ticket an incoming message answers, if any: by its headers (most precise), by its Gmail
 * conversation, then by the ticket number in its subject. Followed through merges to the ticket
 * that is live now.
 */
export async function replyTarget(db: Db, mail: IncomingMail, departmentId: number, gmail: GmailConversation | null): Promise<TicketRow | null> {
  const found = (await byReferences(db, mail, departmentId)) ?? (gmail ? await ticketOfConversation(db, gmail) : null) ?? (await bySubjectNumber(db, mail.subject, departmentId));
  return found === null ? null : liveTicket(db, found);
}
