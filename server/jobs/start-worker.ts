import type { Database } from '../db/client';
import { JobQueue } from './queue';
import { runJob, type JobRunOptions } from './job-runner';
import { waitOutUndoWindow } from './undo-window';

/** Two lanes keep a 2-core database server busy without taking over its connection pool. */
const MASS_LANES = 2;

/** Starts the queue and its worker on this process; every backend instance may run one. */
export async function startJobWorker(database: Database, options: JobRunOptions & { pollSeconds?: number; replyUndoSeconds?: number } = {}): Promise<JobQueue> {
  const queue = await JobQueue.start(database, { replyUndoSeconds: options.replyUndoSeconds ?? 0 });
  const massLanes = options.massLanes ?? (database.kind === 'postgres' ? MASS_LANES : 1);
  await queue.work(async (message) => {
    await waitOutUndoWindow(database.db, message.jobId, queue.replyUndoSeconds);
    await runJob(database.db, message.jobId, { ...options, massLanes });
  }, options.pollSeconds);
  return queue;
}
