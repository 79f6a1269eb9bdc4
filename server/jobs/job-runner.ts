import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments, jobItems, jobs, replyRecipients, ticketHistory, tickets } from '../db/schema';
import { SecretKeyMismatch } from '../secrets/secret-box';
import { mailMassResult, sendMassResult } from './completion-mail';
import { ItemFailure, VIEW_CHANGED, type ItemChange } from './executor';
import { EXECUTORS } from './executors';
import { isTransient, logItemError, SERVER_ERROR, TRANSIENT_RETRIES } from './item-errors';
import { runMassBatch } from './mass-batch';
import { massSpecOf, type MassSpec } from './mass-operations';
import type { NoticeQueue } from '../mail/notice-queue';
import { deliverReplies, type DeliveryOptions } from '../mail/reply-delivery';
import type { Mailers } from '../mail/mailers';
import type { ReplyMailer } from '../mail/smtp-mailer';
import type { JobRow, TicketRow } from '../db/rows';
import { ticketStateReason } from '../../core/rules/ticket-state';
import type { Operation } from '../../core/schemas/job';

const BATCH = 200;

export interface JobRunOptions {
  /** Pause between items, or between batches of a mass job (JOB_ITEM_PAUSE_MS): paces jobs on a busy database; tests use it to stop a job midway. */
  pauseMs?: number;
  /** Batches of one mass job applied at once, each on its own connection (1 on embedded PGlite, which has one). */
  massLanes?: number;
  /** The SMTP servers bulk replies leave through; none stores them unsent (demo, no SMTP_URL). */
  mailers?: Mailers;
  delivery?: DeliveryOptions;
  /** The mail queue, kicked once the job is done: it sends the notices its items recorded (R-CC-5) and retries its replies' transient failures. */
  notices?: NoticeQueue;
}

/**
 * Why a ticket cannot be processed: its own state (spam, trash, merged away — whenever that
 * happened, before the selection or meanwhile), or the view changed under the job.
 */
async function safetyFailure(tx: Db, job: JobRow, ticket: TicketRow | undefined): Promise<string | null> {
  if (!ticket) return VIEW_CHANGED.gone;
  const [primary] = ticket.mergedIntoId === null ? [] : await tx.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, ticket.mergedIntoId));
  const refused = ticketStateReason({ ...ticket, mergedIntoNumber: primary?.number ?? null }, job.operation as Operation);
  if (refused) return refused;
  if (job.departmentId !== null && ticket.departmentId !== job.departmentId && job.operation !== 'move') return VIEW_CHANGED.moved;
  return null;
}

async function apply(tx: Db, job: JobRow, ticket: TicketRow, change: ItemChange) {
  await tx
    .update(tickets)
    .set({ ...change.set, version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
    .where(eq(tickets.id, ticket.id));
  await tx.insert(ticketHistory).values({ ticketId: ticket.id, agentId: job.initiatorId, jobId: job.id, action: change.action, changes: change.changes });
}

/** Applies the job's operation to one locked ticket; answers why not when it cannot. */
export async function attemptItem(tx: Db, job: JobRow, ticketId: number): Promise<string | null> {
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for('update');
  const refused = await safetyFailure(tx, job, ticket);
  if (refused) return refused;
  try {
    // A savepoint, so a failing ticket rolls back alone.
    await tx.transaction(async (item) => apply(item as Db, job, ticket!, await EXECUTORS[job.operation as keyof typeof EXECUTORS]!({ tx: item as Db, job, ticket: ticket! })));
    return null;
  } catch (error) {
    if (error instanceof ItemFailure) return error.message;
    // A transient error is tried again by the caller; anything else fails this one ticket, once (R-BULK-10).
    if (isTransient(error)) throw error;
    logItemError(job.id, ticketId, error);
    return SERVER_ERROR;
  }
}

/**
 * One item, one transaction: the ticket change, the item's state and the job's counts commit
 * together, so a crash at any point leaves each ticket changed once or not at all.
 */
async function runItem(db: Db, job: JobRow, ticketId: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runItemOnce(db, job, ticketId);
    } catch (error) {
      if (attempt < TRANSIENT_RETRIES && isTransient(error)) continue;
      logItemError(job.id, ticketId, error);
      return await runItemOnce(db, job, ticketId, SERVER_ERROR);
    }
  }
}

/** The item's transaction; with `failWith`, the ticket is left alone and the item fails with that reason. */
async function runItemOnce(db: Db, job: JobRow, ticketId: number, failWith?: string): Promise<void> {
  await db.transaction(async (t) => {
    const tx = t as Db;
    // Locked and still pending, or another worker on the same job has applied it: never twice.
    const [item] = await tx
      .select({ state: jobItems.state })
      .from(jobItems)
      .where(and(eq(jobItems.jobId, job.id), eq(jobItems.ticketId, ticketId)))
      .for('update');
    if (item?.state !== 'pending') return;
    const reason = failWith ?? (await attemptItem(tx, job, ticketId));
    await tx
      .update(jobItems)
      .set({ state: reason ? 'failed' : 'done', reason })
      .where(and(eq(jobItems.jobId, job.id), eq(jobItems.ticketId, ticketId)));
    await tx
      .update(jobs)
      .set(reason ? { failed: sql`${jobs.failed} + 1` } : { done: sql`${jobs.done} + 1` })
      .where(eq(jobs.id, job.id));
  });
}

/** Runs (or resumes) a job: every item still pending, in order, then marks the job completed. */
export async function runJob(db: Db, jobId: number, options: JobRunOptions = {}): Promise<void> {
  const [started] = await db
    .update(jobs)
    .set({ status: 'running', startedAt: sql`coalesce(${jobs.startedAt}, now())` })
    .where(and(eq(jobs.id, jobId), sql`${jobs.status} in ('queued', 'running')`))
    .returning();
  // Cancelled while queued, or already finished by a worker that died after its last commit.
  if (!started) return;
  const spec = started.mode === 'mass' ? massSpecOf(started) : null;
  if (spec) await runMassBatches(db, started, spec, options);
  else await runItems(db, started, options);
  // Each reply (a macro's too) is recorded with its ticket's item; only then is it handed to SMTP,
  // recipient by recipient, once: a transient failure is left to the mail queue's backoff.
  if (started.operation === 'reply' || started.operation === 'macro') await deliverJobReplies(db, started, options);
  // Completion and its e-mail commit together, once: a second worker finishing the same job finds it
  // no longer running. Nor does a worker complete a job whose last batch another worker still holds.
  const finished = await db.transaction(async (t) => {
    const tx = t as Db;
    const [completed] = await tx
      .update(jobs)
      .set({ status: 'completed', finishedAt: sql`now()` })
      .where(
        and(
          eq(jobs.id, jobId),
          eq(jobs.status, 'running'),
          sql`not exists (select 1 from job_batches b where b.job_id = ${jobId} and b.done_at is null)`,
          sql`not exists (select 1 from job_items i where i.job_id = ${jobId} and i.state = 'pending')`,
        ),
      )
      .returning();
    if (completed) await mailMassResult(tx, completed, options.delivery?.publicUrl);
    return completed;
  });
  if (finished) await sendMassResult(db, finished, options.mailers);
  await options.notices?.kick();
}

/** Lanes apply batches side by side, each claiming the next free one, until none is left. */
async function runMassBatches(db: Db, job: JobRow, spec: MassSpec, options: JobRunOptions) {
  const lane = async () => {
    while (await db.transaction((tx) => runMassBatch(tx as Db, job, spec))) await pause(options.pauseMs);
  };
  await Promise.all(Array.from({ length: options.massLanes ?? 1 }, lane));
}

async function runItems(db: Db, job: JobRow, options: JobRunOptions) {
  for (let pending = await pendingItems(db, job.id); pending.length > 0; pending = await pendingItems(db, job.id)) {
    for (const ticketId of pending) {
      await runItem(db, job, ticketId);
      await pause(options.pauseMs);
    }
  }
}

/** A bulk reply is of one department (R-REPLY-6) and leaves through that department's SMTP server. */
async function mailerOf(db: Db, job: JobRow, mailers: Mailers | undefined): Promise<ReplyMailer | null> {
  if (!mailers) return null;
  const [department] =
    job.departmentId === null
      ? []
      : await db.select({ id: departments.id, name: departments.name, smtpUrl: departments.smtpUrl }).from(departments).where(eq(departments.id, job.departmentId));
  return mailers.for(department);
}

/**
 * Hands the job's replies to SMTP. SMTP settings saved with another key fail the recipients with
 * the reason naming them, as no retry of the job could fix it (only the right key or new settings).
 */
async function deliverJobReplies(db: Db, job: JobRow, options: JobRunOptions): Promise<void> {
  let mailer: ReplyMailer | null;
  try {
    mailer = await mailerOf(db, job, options.mailers);
  } catch (error) {
    if (!(error instanceof SecretKeyMismatch)) throw error;
    await db
      .update(replyRecipients)
      .set({ status: 'failed', smtpResponse: error.message, updatedAt: sql`now()` })
      .where(and(eq(replyRecipients.jobId, job.id), eq(replyRecipients.status, 'queued')));
    return;
  }
  await deliverReplies(db, job.id, mailer, options.delivery);
}

const pause = (ms = 0) => (ms ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

async function pendingItems(db: Db, jobId: number): Promise<number[]> {
  const rows = await db
    .select({ ticketId: jobItems.ticketId })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.state, 'pending')))
    .orderBy(asc(jobItems.seq))
    .limit(BATCH);
  return rows.map((r) => r.ticketId);
}
