import type { Database } from '../db/client';
import { JobQueue } from './queue';
import { runJob, type WorkerOptions } from './worker';

/** Starts the queue and its worker on this process; every backend instance may run one. */
export async function startJobWorker(database: Database, options: WorkerOptions & { pollSeconds?: number } = {}): Promise<JobQueue> {
  const queue = await JobQueue.start(database);
  await queue.work((message) => runJob(database.db, message.jobId, options), options.pollSeconds);
  return queue;
}
