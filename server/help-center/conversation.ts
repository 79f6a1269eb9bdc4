import { and, asc, eq, inArray } from 'drizzle-orm';
import { addressKey } from '../../core/rules/address';
import type { Db } from '../db/client';
import { comments, contacts, threads } from '../db/schema';
import { findContactsByEmail } from '../contacts/contact-store';
import type { TicketRow } from '../db/rows';

/** Who wrote an entry, as the visitor reads it: themselves, support, or another follower by name. */
export type Author = { kind: 'you' } | { kind: 'support' } | { kind: 'other'; name: string };

export interface ConversationEntry {
  kind: 'message' | 'comment';
  id: number;
  at: Date;
  author: Author;
  body: string;
  editedAt: Date | null;
}

/** The bare address of a From header such as `Alice <alice@x.test>`. */
function mailbox(from: string): string {
  return addressKey(/<([^>]*)>/.exec(from)?.[1] ?? from);
}

async function messages(db: Db, ticketId: number, visitorEmail: string): Promise<ConversationEntry[]> {
  const rows = await db.select().from(threads).where(eq(threads.ticketId, ticketId)).orderBy(asc(threads.createdAt), asc(threads.id));
  const senders = await findContactsByEmail(db, [...new Set(rows.filter((r) => r.direction !== 'out').map((r) => mailbox(r.from)))]);
  const me = addressKey(visitorEmail);
  const authorOf = (row: (typeof rows)[number]): Author => {
    if (row.direction === 'out') return { kind: 'support' };
    const address = mailbox(row.from);
    if (address === me) return { kind: 'you' };
    return { kind: 'other', name: senders.get(address)?.name || address };
  };
  return rows.map((row) => ({ kind: 'message', id: row.id, at: row.createdAt, author: authorOf(row), body: row.bodyText, editedAt: null }));
}

/** Public comments only: a private comment is for the team and never leaves the server. */
async function publicComments(db: Db, ticketId: number): Promise<ConversationEntry[]> {
  const rows = await db
    .select({ id: comments.id, at: comments.createdAt, body: comments.body, editedAt: comments.editedAt })
    .from(comments)
    .where(and(eq(comments.ticketId, ticketId), eq(comments.visibility, 'public')));
  return rows.map((row) => ({ kind: 'comment', author: { kind: 'support' }, ...row }));
}

/** R-MERGE-9: a merge moved every message and comment to the primary, so the primary's own list is the whole story. */
export async function conversationOf(db: Db, ticket: TicketRow, visitorEmail: string): Promise<ConversationEntry[]> {
  const entries = [...(await messages(db, ticket.id, visitorEmail)), ...(await publicComments(db, ticket.id))];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? a.id - b.id : a.kind === 'message' ? -1 : 1));
}

/** The ticket's secondary contacts as the visitor sees them: a name, or the address when there is none. */
export async function followerNames(db: Db, ticket: TicketRow): Promise<string[]> {
  if (ticket.secondaryContactIds.length === 0) return [];
  const rows = await db.select({ id: contacts.id, name: contacts.name, email: contacts.email }).from(contacts).where(inArray(contacts.id, ticket.secondaryContactIds));
  const byId = new Map(rows.map((r) => [r.id, r.name || r.email || '']));
  return ticket.secondaryContactIds.map((id) => byId.get(id) ?? '').filter(Boolean);
}
