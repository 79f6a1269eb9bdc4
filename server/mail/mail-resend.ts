import { and, eq, sql } from 'drizzle-orm';
import { checkPermission } from '../../core/rules/permissions';
import type { MailResent, ResendMail } from '../../core/schemas/mail-delivery';
import type { Db } from '../db/client';
import { jobs, outgoingMail, replyRecipients, tickets } from '../db/schema';
import { conflict, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { LINK_MINUTES } from '../help-center/sign-in-links';
import type { JobQueue } from '../jobs/queue';
import { mailDepartmentId } from './stored-mail';

/**
 * Only mail the queue gave up on is resent, and `uncertain` only once the admin confirmed it: its
 * data reached the SMTP server, so the customer may already have it (issue 21).
 */
function checkResendable(what: string, status: string, to: string, request: ResendMail): void {
  if (status === 'uncertain' && !request.confirmUncertain) {
    throw conflict(
      `${what} to ${to} is uncertain: its data reached the SMTP server without an answer, so the customer may already have it. Send { "confirmUncertain": true } to send it again anyway.`,
    );
  }
  if (status !== 'failed' && status !== 'uncertain') throw conflict(`${what} to ${to} is ${status}; only failed or uncertain mail can be resent.`);
}

/** A notice, sign-in link or mass-action result back in the mail queue, from attempt 1 (the request's commit kicks the queue). */
export async function resendOutgoing(db: Db, auth: AuthContext, id: number, request: ResendMail): Promise<MailResent> {
  const [row] = await db
    .select({ status: outgoingMail.status, to: outgoingMail.to, kind: outgoingMail.kind, createdAt: outgoingMail.createdAt, departmentId: mailDepartmentId })
    .from(outgoingMail)
    .leftJoin(jobs, eq(jobs.id, outgoingMail.jobId))
    .where(eq(outgoingMail.id, id));
  if (!row) throw notFound(`Message ${id}`);
  enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
  checkResendable(`Message ${id}`, row.status, row.to.join(', '), request);
  if (row.kind === 'sign_in_link' && Date.now() - row.createdAt.getTime() >= LINK_MINUTES * 60_000) {
    throw conflict(`The sign-in link in message ${id} has expired (links last ${LINK_MINUTES} minutes); the customer can ask for a new one on the help center.`);
  }
  const [queued] = await db
    .update(outgoingMail)
    .set({ status: 'stored', attempts: 0, nextAttemptAt: null, response: `Resent by ${auth.agent.email}.`, updatedAt: sql`now()` })
    .where(and(eq(outgoingMail.id, id), eq(outgoingMail.status, row.status)))
    .returning({ id: outgoingMail.id });
  if (!queued) throw conflict(`Message ${id} changed meanwhile (someone else resent it); reload the list.`);
  return { source: 'outgoing', id, status: 'queued' };
}

/**
 * One reply recipient back in its job's queue; the job runs again and, finding its tickets done,
 * hands over only the queued recipients (as jobs.resend does for all of them).
 */
export async function resendReplyRecipient(db: Db, queue: JobQueue, auth: AuthContext, id: number, request: ResendMail): Promise<MailResent> {
  const [row] = await db
    .select({ recipient: replyRecipients, departmentId: tickets.departmentId })
    .from(replyRecipients)
    .innerJoin(tickets, eq(tickets.id, replyRecipients.ticketId))
    .where(eq(replyRecipients.id, id));
  if (!row) throw notFound(`Reply recipient ${id}`);
  enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
  const { recipient } = row;
  checkResendable(`The reply (recipient ${id})`, recipient.status, recipient.address, request);
  if (recipient.jobId === null) throw conflict(`The reply to ${recipient.address} was not sent by a job, so it cannot be queued again; send it again from the ticket.`);
  const [job] = await db
    .update(jobs)
    .set({ status: 'queued', finishedAt: null })
    .where(and(eq(jobs.id, recipient.jobId), eq(jobs.status, 'completed')))
    .returning({ id: jobs.id, initiatorId: jobs.initiatorId });
  if (!job) throw conflict(`Job ${recipient.jobId} of this reply has not finished; resend once it has.`);
  const [queued] = await db
    .update(replyRecipients)
    .set({ status: 'queued', attempts: 0, smtpResponse: `Resent by ${auth.agent.email}.`, updatedAt: sql`now()` })
    .where(and(eq(replyRecipients.id, id), eq(replyRecipients.status, recipient.status)))
    .returning({ id: replyRecipients.id });
  if (!queued) throw conflict(`Reply recipient ${id} changed meanwhile; reload the list.`);
  await queue.enqueue(db, job.id, job.initiatorId);
  return { source: 'reply', id, status: 'queued' };
}
