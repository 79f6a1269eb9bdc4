import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss, type PGliteLike } from 'pg-boss';
import type { Database, Db } from '../db/client';
import { ApiFailure } from '../http/api-failure';

const QUEUE = 'inbox-desk-jobs';

export interface JobMessage {
  jobId: number;
}

/**
 * pg-boss dispatches our jobs; the jobs table says what they are. One queue with strict FIFO per
 * initiator: a user's jobs run one at a time, in submission order (R-BULK-6), while different users'
 * jobs run side by side and several backend instances on one PostgreSQL share the work.
 */
export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    /** How long a bulk reply waits in the queue, cancellable ("Undo"), before its first message leaves. */
    readonly replyUndoSeconds: number,
  ) {}

  static async start(database: Database, options: { replyUndoSeconds?: number } = {}): Promise<JobQueue> {
    const boss =
      database.kind === 'pglite'
        ? new PgBoss({ db: fromPglite(database.pglite as PGliteLike), backend: 'pglite', useListenNotify: true, monitorIntervalSeconds: 5, superviseIntervalSeconds: 5 })
        : new PgBoss({ connectionString: database.connectionString!, useListenNotify: true, monitorIntervalSeconds: 5, superviseIntervalSeconds: 5 });
    boss.on('error', (error) => console.error(`Job queue: ${error.message}`));
    await boss.start();
    await boss.createQueue(QUEUE, {
      policy: 'key_strict_fifo',
      notify: true,
      // A worker that dies mid-job stops its heartbeat; the job is then handed to the next worker,
      // which resumes at the first item not yet applied.
      heartbeatSeconds: 10,
      // Items record their own failures (R-BULK-10), so a retry is for a worker that died or lost its
      // database mid-job: a few, not a thousand.
      retryLimit: 5,
      retryDelay: 2,
      expireInSeconds: 6 * 3600,
    } as Parameters<PgBoss['createQueue']>[1]);
    return new JobQueue(boss, options.replyUndoSeconds ?? 0);
  }

  /** Enqueues inside the caller's transaction, so a job is dispatched exactly when its row commits. */
  async enqueue(tx: Db, jobId: number, initiatorId: number, delaySeconds = 0): Promise<string | null> {
    return this.boss.send(QUEUE, { jobId } satisfies JobMessage, {
      singletonKey: `agent:${initiatorId}`,
      db: fromDrizzle(tx as never, sql),
      ...(delaySeconds > 0 ? { startAfter: delaySeconds } : {}),
    });
  }

  async work(handler: (message: JobMessage) => Promise<void>, pollSeconds = 0.5): Promise<void> {
    await this.boss.work<JobMessage>(QUEUE, { pollingIntervalSeconds: pollSeconds, notifyPollingIntervalSeconds: pollSeconds, localConcurrency: 4 }, async ([job]) => {
      if (job) await handler(job.data);
    });
  }

  async cancel(bossJobId: string): Promise<void> {
    await this.boss.cancel(QUEUE, bossJobId);
  }

  stop(): Promise<void> {
    return this.boss.stop({ graceful: true, timeout: 5000 });
  }
}

/** A server started without a worker (some CLI commands) still answers reads, but refuses to take jobs. */
export function requireQueue(queue: JobQueue | undefined): JobQueue {
  if (!queue) throw new ApiFailure(503, 'INTERNAL', 'This server runs without a job worker.');
  return queue;
}
