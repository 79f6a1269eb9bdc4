import { and, eq, sql } from 'drizzle-orm';
import { mentionedAgents, type Mentionable } from '../../core/mentions';
import { threadUrl } from '../../webmail/thread-url';
import type { Db } from '../db/client';
import { agents, memberships, rolePermissions, ticketWebmailThreads } from '../db/schema';
import { recordNotice } from '../mail/notice-queue';
import type { AuthContext } from '../http/app-env';
import type { TicketRow } from '../db/rows';

/** Active agents who may open the ticket (ticket.view in its department, R-PERM-5): only they can be mentioned. */
async function viewersOf(db: Db, departmentId: number): Promise<Mentionable[]> {
  return db
    .select({ id: agents.id, name: agents.name, email: agents.email })
    .from(agents)
    .innerJoin(memberships, and(eq(memberships.agentId, agents.id), eq(memberships.departmentId, departmentId)))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, memberships.roleId), eq(rolePermissions.departmentId, departmentId)))
    .where(and(eq(agents.active, true), sql`'ticket.view' = any(${rolePermissions.permissions})`));
}

/** Where the mentioned agent opens the ticket: its conversation in the webmail, where the panel shows it. */
async function linkOf(db: Db, ticket: TicketRow): Promise<string> {
  const [thread] = await db
    .select({ provider: ticketWebmailThreads.provider, mailbox: ticketWebmailThreads.mailbox, threadId: ticketWebmailThreads.threadId })
    .from(ticketWebmailThreads)
    .where(eq(ticketWebmailThreads.ticketId, ticket.id))
    .limit(1);
  const where = `Find ticket #${ticket.number} in the Inbox Desk popup (Overview) / Inbox Desk のポップアップで問い合わせ番号 #${ticket.number} を検索してください。`;
  return thread ? `Open the ticket / 問い合わせを開く:\n${threadUrl({ ...thread, provider: thread.provider as 'gmail' | 'outlook' })}` : where;
}

/**
 * `@name` in a note or comment e-mails the named agents a link to the ticket (issue 22, item 3),
 * recorded in the comment's transaction like every notice. An edit mails only the agents it newly
 * names; nobody hears of mentioning themselves.
 */
export async function mailMentions(db: Db, auth: AuthContext, ticket: TicketRow, body: string, before = ''): Promise<void> {
  if (!body.includes('@')) return;
  const viewers = (await viewersOf(db, ticket.departmentId)).filter((a) => a.id !== auth.agent.id);
  const already = new Set(mentionedAgents(before, viewers).map((a) => a.id));
  const named = mentionedAgents(body, viewers).filter((a) => !already.has(a.id));
  if (named.length === 0) return;
  const quoted = body.replace(/^/gm, '> ');
  await recordNotice(db, {
    kind: 'agent_mention',
    to: named.map((a) => a.email),
    subject: `[#${ticket.number}] ${auth.agent.name} mentioned you: ${ticket.subject}`,
    bodyText: `${auth.agent.name} mentioned you on ticket #${ticket.number} (${ticket.subject}).\n${auth.agent.name} さんが問い合わせ #${ticket.number} であなたをメンションしました。\n\n${quoted}\n\n${await linkOf(db, ticket)}\n`,
    departmentId: ticket.departmentId,
    ticketId: ticket.id,
  });
}
