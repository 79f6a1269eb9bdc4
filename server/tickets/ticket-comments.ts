import { and, eq, sql } from 'drizzle-orm';
import { checkPermission, hasPermission } from '../../core/rules/permissions';
import type { Comment, CommentCreate } from '../../core/schemas/thread';
import type { Db } from '../db/client';
import { comments, ticketHistory, tickets } from '../db/schema';
import { ApiFailure, conflict, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { noticeFollowers, type CcEvent } from '../notices/cc-notices';
import { mailMentions } from './comment-mentions';
import { toComment } from './comment-rows';
import { getVisibleTicket } from './ticket-query';
import type { CommentRow, TicketRow } from '../db/rows';

/** Comments belong to live tickets; one merged away sends its caller to the primary. */
async function editableTicket(db: Db, auth: AuthContext, ticketId: number): Promise<TicketRow> {
  const ticket = await getVisibleTicket(db, auth.access, ticketId, true);
  enforce(checkPermission(auth.access, 'ticket.edit', ticket.departmentId));
  if (ticket.mergedIntoId) throw conflict(`Ticket #${ticket.number} was merged into ticket ${ticket.mergedIntoId}; comment there.`, { mergedIntoId: ticket.mergedIntoId });
  if (ticket.trashedAt) throw conflict(`Ticket #${ticket.number} is in the trash; restore it before commenting.`);
  return ticket;
}

/** A comment is changed by its author, or by an admin of the department (settings.manage). */
async function ownComment(db: Db, auth: AuthContext, ticket: TicketRow, commentId: number): Promise<CommentRow> {
  const [row] = await db
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.ticketId, ticket.id)));
  if (!row) throw notFound(`Comment ${commentId} on ticket #${ticket.number}`);
  if (row.authorAgentId !== auth.agent.id && !hasPermission(auth.access, 'settings.manage', ticket.departmentId)) {
    throw new ApiFailure(403, 'FORBIDDEN', `Only the author of this comment on ticket #${ticket.number} or an admin of the department (settings.manage) can change it.`);
  }
  return row;
}

/** Every comment change is a ticket change: a new version, an updated time and a history entry. */
async function touch(db: Db, auth: AuthContext, ticket: TicketRow, action: string, changes: Record<string, unknown>) {
  await db
    .update(tickets)
    .set({ version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
    .where(eq(tickets.id, ticket.id));
  await db.insert(ticketHistory).values({ ticketId: ticket.id, agentId: auth.agent.id, action, changes });
}

/** R-CC-5: secondary contacts hear of public comments only. */
async function notice(db: Db, ticket: TicketRow, visibility: string, event: CcEvent) {
  if (visibility === 'public') await noticeFollowers(db, ticket, event);
}

export async function addComment(db: Db, auth: AuthContext, ticketId: number, input: CommentCreate): Promise<Comment> {
  const ticket = await editableTicket(db, auth, ticketId);
  const [row] = await db.insert(comments).values({ ticketId: ticket.id, visibility: input.visibility, body: input.body, authorAgentId: auth.agent.id }).returning();
  await touch(db, auth, ticket, 'commented', { comment: { id: row!.id, visibility: input.visibility } });
  await notice(db, ticket, input.visibility, { kind: 'comment_added', body: input.body });
  await mailMentions(db, auth, ticket, input.body);
  return toComment(row!);
}

export async function editComment(db: Db, auth: AuthContext, ticketId: number, commentId: number, body: string): Promise<Comment> {
  const ticket = await editableTicket(db, auth, ticketId);
  const before = await ownComment(db, auth, ticket, commentId);
  if (before.body === body) return toComment(before);
  const [row] = await db
    .update(comments)
    .set({ body, editedAt: sql`now()` })
    .where(eq(comments.id, commentId))
    .returning();
  await touch(db, auth, ticket, 'comment_edited', { comment: { id: commentId, visibility: before.visibility } });
  await notice(db, ticket, before.visibility, { kind: 'comment_edited', body });
  await mailMentions(db, auth, ticket, body, before.body);
  return toComment(row!);
}

export async function deleteComment(db: Db, auth: AuthContext, ticketId: number, commentId: number): Promise<Comment> {
  const ticket = await editableTicket(db, auth, ticketId);
  const row = await ownComment(db, auth, ticket, commentId);
  await db.delete(comments).where(eq(comments.id, commentId));
  await touch(db, auth, ticket, 'comment_deleted', { comment: { id: commentId, visibility: row.visibility } });
  await notice(db, ticket, row.visibility, { kind: 'comment_deleted' });
  return toComment(row);
}
