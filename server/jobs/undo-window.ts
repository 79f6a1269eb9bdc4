import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jobs, macros } from '../db/schema';

const POLL_MS = 250;

/**
 * R-BULK-6 in order: a bulk reply waits out its undo window while holding its place at the head
 * of the agent's queue, so the agent's later jobs wait for it rather than overtaking it. Answers
 * as soon as the window has passed, or the job was cancelled ("Undo") meanwhile.
 */
export async function waitOutUndoWindow(db: Db, jobId: number, undoSeconds: number): Promise<void> {
  if (undoSeconds <= 0 || !(await sendsMail(db, jobId))) return;
  for (;;) {
    const [job] = await db.select({ status: jobs.status, createdAt: jobs.createdAt }).from(jobs).where(eq(jobs.id, jobId));
    if (job?.status !== 'queued') return;
    const left = job.createdAt.getTime() + undoSeconds * 1000 - Date.now();
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, POLL_MS)));
  }
}

/** A bulk reply, or a macro with a "send reply from template" step: both wait out the undo window. */
async function sendsMail(db: Db, jobId: number): Promise<boolean> {
  const [job] = await db.select({ operation: jobs.operation, payload: jobs.payload }).from(jobs).where(eq(jobs.id, jobId));
  if (job?.operation === 'reply') return true;
  if (job?.operation !== 'macro') return false;
  const macroId = (job.payload as { macroId?: number }).macroId;
  if (macroId === undefined) return false;
  const [macro] = await db.select({ steps: macros.steps }).from(macros).where(eq(macros.id, macroId));
  return macro?.steps.some((step) => step.type === 'send_reply') ?? false;
}
