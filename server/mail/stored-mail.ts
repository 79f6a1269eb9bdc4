import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { ReplyMailer } from './smtp-mailer';
import { departments, jobs, outgoingMail } from '../db/schema';
import { DEFAULT_RETRY_DELAYS_MS, nextStep } from './mail-retry';

export interface MailMessage {
  to: string[];
  subject: string;
  bodyText: string;
  jobId?: number;
}

/** A recorded message waiting for its (next) hand-over. */
export const WAITING = ['stored', 'retrying'];

/** Waiting, and past its backoff: the one condition every sender claims a row under. */
export const dueNow = () => and(inArray(outgoingMail.status, WAITING), or(isNull(outgoingMail.nextAttemptAt), lte(outgoingMail.nextAttemptAt, sql`now()`)));

/**
 * The department a recorded message leaves through, with `jobs` joined on its job: its own, its
 * job's, or for an all-departments job's result the first department (completion-mail.ts).
 */
export const mailDepartmentId = sql<number>`coalesce(${outgoingMail.departmentId}, ${jobs.departmentId}, (select min(id) from ${departments}))`.mapWith(Number);

/**
 * Records a message in the caller's transaction, so it exists exactly when the change it reports
 * does; deliverStoredMail sends it once that has committed. Without SMTP (demo mode) it stays here.
 */
export async function recordMail(tx: Db, message: MailMessage): Promise<void> {
  if (message.to.length === 0) return;
  await tx.insert(outgoingMail).values({ to: message.to, subject: message.subject, bodyText: message.bodyText, jobId: message.jobId ?? null });
}

/**
 * Sends a job's recorded notifications through SMTP right after the job; one that meets an outage
 * waits for its next attempt in the mail queue (notice-queue.ts) like every other kind.
 */
export async function deliverStoredMail(db: Db, jobId: number, mailer: ReplyMailer, from: string): Promise<void> {
  const rows = await db
    .select()
    .from(outgoingMail)
    .where(and(eq(outgoingMail.jobId, jobId), dueNow()))
    .orderBy(asc(outgoingMail.id));
  for (const row of rows) await sendRecordedMail(db, mailer, from, row);
}

/**
 * Hands one recorded message to SMTP at most once per attempt; false when another sender had it. The claim (waiting and due →
 * `sending`) is one conditional UPDATE: of several backends on one database, exactly one sees the
 * row still waiting, the others' UPDATE matches nothing and they skip it. A transient failure puts
 * it back `retrying` with its backoff; anything that may have reached the server is never retried.
 */
export async function sendRecordedMail(
  db: Db,
  mailer: ReplyMailer,
  from: string,
  row: { id: number; to: string[]; subject: string; bodyText: string },
  delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
): Promise<boolean> {
  const [claimed] = await db
    .update(outgoingMail)
    .set({ status: 'sending', attempts: sql`${outgoingMail.attempts} + 1`, updatedAt: sql`now()` })
    .where(and(eq(outgoingMail.id, row.id), dueNow()))
    .returning({ attempts: outgoingMail.attempts });
  if (!claimed) return false;
  const outcome = await mailer.send({
    envelope: { from, to: row.to },
    from,
    to: row.to,
    cc: [],
    subject: row.subject,
    text: row.bodyText,
    html: null,
    messageId: `<${randomUUID()}@${from.split('@')[1] ?? 'localhost'}>`,
    inReplyTo: null,
    references: [],
  });
  const step = nextStep(outcome, claimed.attempts, delaysMs);
  await db
    .update(outgoingMail)
    .set({
      status: step.status,
      response: step.response,
      updatedAt: sql`now()`,
      nextAttemptAt: step.status === 'retrying' ? sql`now() + ${`${step.delayMs} milliseconds`}::interval` : null,
    })
    .where(eq(outgoingMail.id, row.id));
  return true;
}
