import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { visibleDepartmentIds } from '../../core/rules/permissions';
import { StoredMail } from '../../core/schemas/mail';
import { outgoingMail, replyRecipients, threads, tickets } from '../db/schema';
import type { Api } from '../http/route';

const SHOWN = 50;

/** Mail stored unsent (demo mode): replies to tickets the agent can see, and notifications addressed to the agent, newest first. */
export function storedMailRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/mail/stored', tag: 'mail', summary: 'Mail kept unsent because no SMTP server is configured (demo mode)', response: z.object({ items: z.array(StoredMail) }) },
    async ({ db, auth }) => {
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
        ...notes.map((n) => ({ kind: 'notification' as const, id: n.id, to: n.to, subject: n.subject, text: n.bodyText, ticketId: null, jobId: n.jobId, createdAt: n.createdAt.toISOString() })),
      ];
      return { items: items.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, SHOWN) };
    },
  );
}
