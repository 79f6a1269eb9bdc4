import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Job } from '../../core/schemas/job';
import type { Db } from '../db/client';
import { jobs, replyRecipients } from '../db/schema';
import { checkMayControlJob, checkMaySendMail } from '../../core/rules/permissions';
import { ApiFailure, conflict, enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { toJob } from './job-rows';
import type { JobQueue } from './queue';
import type { JobRow } from '../db/rows';

/** Recipients that may be tried again: refused or unreachable, or possibly not handed over. Never one that was accepted. */
const RESENDABLE = ['failed', 'uncertain'];

/**
 * Puts a finished bulk reply's failed and uncertain recipients back in the queue and runs the job
 * again: the worker, finding no ticket left to record, hands over only those recipients.
 */
export async function resendReplies(db: Db, queue: JobQueue, auth: AuthContext, row: JobRow): Promise<Job> {
  if (row.operation !== 'reply') throw new ApiFailure(422, 'VALIDATION', `Job ${row.id} is not a bulk reply; only replies can be resent.`);
  enforce(checkMayControlJob(auth.access, row, 'resend'));
  // R-PERM-4/5: resending is sending; whoever asks for it needs what sending the reply needed.
  if (row.departmentId !== null) enforce(checkMaySendMail(auth.access, row.departmentId, true));
  const [job] = await db
    .update(jobs)
    .set({ status: 'queued', finishedAt: null })
    .where(and(eq(jobs.id, row.id), eq(jobs.status, 'completed')))
    .returning();
  if (!job) throw conflict(`Job ${row.id} is ${row.status}; a bulk reply can be resent once it has finished.`);
  const requeued = await db
    .update(replyRecipients)
    .set({ status: 'queued', attempts: 0, updatedAt: sql`now()` })
    .where(and(eq(replyRecipients.jobId, row.id), inArray(replyRecipients.status, RESENDABLE)))
    .returning({ id: replyRecipients.id });
  if (requeued.length === 0) throw conflict(`Job ${row.id} has no failed or uncertain recipient to resend.`);
  await queue.enqueue(db, row.id, row.initiatorId);
  return toJob(db, job);
}
