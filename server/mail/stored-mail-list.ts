import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { visibleDepartmentIds } from '../../core/rules/permissions';
import type { StoredMail } from '../../core/schemas/mail';
import type { Db } from '../db/client';
import { outgoingMail, replyRecipients, threads, tickets } from '../db/schema';
import type { AuthContext } from '../http/app-env';

const SHOWN = 50;

/** Mail kept unsent (demo mode): replies to tickets the agent can see, and notifications addressed to the agent, newest first. */
export async function listStoredMail(db: Db, auth: AuthContext): Promise<StoredMail[]> {
  const departments = visibleDepartmentIds(auth.access);
  const replies = departments.length
    ? await db
        .selectDistinctOn([threads.id], { thread: threads, jobId: replyRecipients.jobId })
        .from(replyRecipients)
        .innerJoin(threads, eq(threads.id, replyRecipients.threadId))
        .innerJoin(tickets, eq(tickets.id, threads.ticketId))
        .where(and(eq(replyRecipients.status, 'stored'), inArray(tickets.departmentId, departments)))
        .orderBy(desc(threads.id))
        .limit(SHOWN)
    : [];
  const notes = await db
    .select()
    .from(outgoingMail)
    .where(and(eq(outgoingMail.status, 'stored'), sql`${auth.agent.email} = any(${outgoingMail.to})`))
    .orderBy(desc(outgoingMail.id))
    .limit(SHOWN);
  const items: StoredMail[] = [
    ...replies.map(({ thread, jobId }) => ({
      kind: 'reply' as const,
      id: thread.id,
      to: [...thread.to, ...thread.cc],
      subject: thread.subject,
      text: thread.bodyText,
      ticketId: thread.ticketId,
      jobId,
      createdAt: thread.createdAt.toISOString(),
    })),
    ...notes.map((n) => ({
      kind: 'notification' as const,
      id: n.id,
      to: n.to,
      subject: n.subject,
      text: n.bodyText,
      ticketId: null,
      jobId: n.jobId,
      createdAt: n.createdAt.toISOString(),
    })),
  ];
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, SHOWN);
}
