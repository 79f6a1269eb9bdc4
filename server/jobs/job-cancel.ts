import { and, eq } from 'drizzle-orm';
import type { Job } from '../../core/schemas/job';
import type { Db } from '../db/client';
import { jobs } from '../db/schema';
import { checkMayControlJob } from '../../core/rules/permissions';
import { conflict, enforce, refusedWith } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { visibleJob } from './job-access';
import { toJob } from './job-rows';
import { refusal } from '../../core/refusals/refusal';

/** Only a queued job is cancelled (a running one has changed tickets already, R-BULK-8), by who started it or a manager of its department. */
export async function cancelJob(db: Db, auth: AuthContext, id: number): Promise<Job> {
  const row = await visibleJob(db, auth, id);
  enforce(checkMayControlJob(auth.access, row, 'cancel'));
  const [cancelled] = await db
    .update(jobs)
    .set({ status: 'cancelled', finishedAt: new Date() })
    .where(and(eq(jobs.id, row.id), eq(jobs.status, 'queued')))
    .returning();
  if (!cancelled) {
    if (row.status === 'running') throw refusedWith(409, 'CONFLICT', refusal('R-BULK-8', 'jobs.alreadyRunning', { job: row.id }));
    throw conflict(`Job ${row.id} is ${row.status}; only a queued job can be cancelled.`);
  }
  return toJob(db, cancelled);
}
