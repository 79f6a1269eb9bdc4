import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Job } from '../../core/schemas/job';
import type { ResendMail } from '../../core/schemas/mail-delivery';
import type { Db } from '../db/client';
import { jobs, replyRecipients } from '../db/schema';
import { checkMayControlJob, checkMaySendMail } from '../../core/rules/permissions';
import { ApiFailure, conflict, enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { isOneTicketReply } from '../tickets/one-ticket-reply';
import { toJob } from './job-rows';
import type { JobQueue } from './queue';
import type { JobRow } from '../db/rows';

/**
 * Puts a finished bulk reply's failed recipients back in the queue and runs the job again: the
 * worker, finding no ticket left to record, hands over only those recipients. An uncertain one's
 * data reached the SMTP server, so the customer may already have it: it goes again only when the
 * agent confirms that. Never one that was accepted.
 */
export async function resendReplies(db: Db, queue: JobQueue, auth: AuthContext, row: JobRow, request: ResendMail): Promise<Job> {
  if (row.operation !== 'reply') throw new ApiFailure(422, 'VALIDATION', `Job ${row.id} is not a bulk reply; only replies can be resent.`);
  enforce(checkMayControlJob(auth.access, row, 'resend'));
  // R-PERM-4/5: resending is sending; whoever asks for it needs what sending the reply needed.
  if (row.departmentId !== null) enforce(checkMaySendMail(auth.access, row.departmentId, !isOneTicketReply(row.payload)));
  const resendable = request.confirmUncertain ? ['failed', 'uncertain'] : ['failed'];
  const [job] = await db
    .update(jobs)
    .set({ status: 'queued', finishedAt: null })
    .where(and(eq(jobs.id, row.id), eq(jobs.status, 'completed')))
    .returning();
  if (!job) throw conflict(`Job ${row.id} is ${row.status}; a bulk reply can be resent once it has finished.`);
  const requeued = await db
    .update(replyRecipients)
    .set({ status: 'queued', attempts: 0, updatedAt: sql`now()` })
    .where(and(eq(replyRecipients.jobId, row.id), inArray(replyRecipients.status, resendable)))
    .returning({ id: replyRecipients.id });
  // Throwing rolls the request's transaction back, job status included.
  if (requeued.length === 0) throw await nothingToResend(db, row.id, request);
  await queue.enqueue(db, row.id, row.initiatorId);
  return toJob(db, job);
}

/** Why nothing was queued: only uncertain recipients are left and the agent has not confirmed, or none at all. */
async function nothingToResend(db: Db, jobId: number, request: ResendMail): Promise<Error> {
  if (!request.confirmUncertain) {
    const [uncertain] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(replyRecipients)
      .where(and(eq(replyRecipients.jobId, jobId), eq(replyRecipients.status, 'uncertain')));
    if (uncertain && uncertain.n > 0) {
      return conflict(
        `Job ${jobId}'s ${uncertain.n} undelivered recipient(s) are uncertain: their data reached the SMTP server without an answer, so they may already have the reply. Send { "confirmUncertain": true } to send it again anyway.`,
      );
    }
  }
  return conflict(`Job ${jobId} has no failed or uncertain recipient to resend.`);
}
