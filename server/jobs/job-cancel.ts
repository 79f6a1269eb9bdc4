import { and, eq } from 'drizzle-orm';
import type { Job } from '../../core/schemas/job';
import type { Db } from '../db/client';
import { jobs } from '../db/schema';
import { checkMayControlJob } from '../../core/rules/permissions';
import { ApiFailure, conflict, enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { visibleJob } from './job-access';
import { toJob } from './job-rows';

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
    if (row.status === 'running') throw new ApiFailure(409, 'CONFLICT', `Job ${row.id} is already running and cannot be cancelled (R-BULK-8).`, 'R-BULK-8');
    throw conflict(`Job ${row.id} is ${row.status}; only a queued job can be cancelled.`);
  }
  return toJob(db, cancelled);
}
