import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jobs } from '../db/schema';
import { sendsMail } from './sends-mail';

const POLL_MS = 250;

/**
 * R-BULK-6 in order: a bulk reply waits out its undo window while holding its place at the head
 * of the agent's queue, so the agent's later jobs wait for it rather than overtaking it. Answers
 * as soon as the window has passed, or the job was cancelled ("Undo") meanwhile.
 */
export async function waitOutUndoWindow(db: Db, jobId: number, undoSeconds: number): Promise<void> {
  if (undoSeconds <= 0) return;
  const [row] = await db.select({ operation: jobs.operation, payload: jobs.payload }).from(jobs).where(eq(jobs.id, jobId));
  if (!row || !(await sendsMail(db, row))) return;
  for (;;) {
    const [job] = await db.select({ status: jobs.status, createdAt: jobs.createdAt }).from(jobs).where(eq(jobs.id, jobId));
    if (job?.status !== 'queued') return;
    const left = job.createdAt.getTime() + undoSeconds * 1000 - Date.now();
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, POLL_MS)));
  }
}
