import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { macros } from '../db/schema';

/**
 * Whether a job sends mail: a bulk reply does, and so does a macro with a "send reply from template"
 * step. Such jobs need ticket.send_email (R-PERM-5) and wait out the undo window.
 */
export async function sendsMail(db: Db, job: { operation: string; payload: unknown }): Promise<boolean> {
  if (job.operation === 'reply') return true;
  const macroId = job.operation === 'macro' ? (job.payload as { macroId?: number }).macroId : undefined;
  if (macroId === undefined) return false;
  const [macro] = await db.select({ steps: macros.steps }).from(macros).where(eq(macros.id, macroId));
  return macro?.steps.some((step) => step.type === 'send_reply') ?? false;
}
