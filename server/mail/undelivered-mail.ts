import { and, desc, eq, inArray } from 'drizzle-orm';
import type { UndeliveredMail } from '../../core/schemas/mail-delivery';
import type { Db } from '../db/client';
import { jobs, outgoingMail, replyRecipients, threads, tickets } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';
import { mailDepartmentId } from './stored-mail';

/** Mail that needs an admin: the queue no longer tries it by itself. */
export const DEAD = ['failed', 'uncertain'] as const;
const SHOWN = 200;

type Kind = UndeliveredMail['kind'];
type Status = UndeliveredMail['status'];

/**
 * The dead-letter list of one department (settings.manage): replies to its tickets and the
 * notices, sign-in links and mass-action results that leave through its SMTP server, newest first.
 */
export async function listUndeliveredMail(db: Db, auth: AuthContext, departmentId: number): Promise<UndeliveredMail[]> {
  await managedDepartment(db, auth, departmentId);
  const replies = await db
    .select({ recipient: replyRecipients, subject: threads.subject })
    .from(replyRecipients)
    .innerJoin(tickets, eq(tickets.id, replyRecipients.ticketId))
    .innerJoin(threads, eq(threads.id, replyRecipients.threadId))
    .where(and(eq(tickets.departmentId, departmentId), inArray(replyRecipients.status, DEAD)))
    .orderBy(desc(replyRecipients.updatedAt))
    .limit(SHOWN);
  const outgoing = await db
    .select({ mail: outgoingMail })
    .from(outgoingMail)
    .leftJoin(jobs, eq(jobs.id, outgoingMail.jobId))
    .where(and(eq(mailDepartmentId, departmentId), inArray(outgoingMail.status, DEAD)))
    .orderBy(desc(outgoingMail.updatedAt))
    .limit(SHOWN);
  const items: UndeliveredMail[] = [
    ...replies.map(({ recipient: r, subject }) => ({
      source: 'reply' as const,
      id: r.id,
      kind: 'reply' as const,
      status: r.status as Status,
      to: [r.address],
      subject,
      response: r.smtpResponse,
      attempts: r.attempts,
      ticketId: r.ticketId,
      jobId: r.jobId,
      updatedAt: r.updatedAt.toISOString(),
    })),
    ...outgoing.map(({ mail: m }) => ({
      source: 'outgoing' as const,
      id: m.id,
      kind: m.kind as Kind,
      status: m.status as Status,
      to: m.to,
      subject: m.subject,
      response: m.response,
      attempts: m.attempts,
      ticketId: m.ticketId,
      jobId: m.jobId,
      updatedAt: m.updatedAt.toISOString(),
    })),
  ];
  return items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, SHOWN);
}
