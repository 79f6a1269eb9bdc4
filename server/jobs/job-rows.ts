import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DeliveryStatus, Job, JobDelivery } from '../../core/schemas/job';
import type { Db } from '../db/client';
import { jobItems, jobs, replyRecipients, tickets, views } from '../db/schema';
import type { JobRow } from '../db/rows';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** How many failures a job answer lists; the counts always say how many there were. */
const FAILURES_SHOWN = 500;

/** Not delivered, with the server's words: given up on, or (retrying) still tried by the mail queue. */
const PROBLEMS: DeliveryStatus[] = ['failed', 'bounced', 'uncertain', 'retrying'];

async function deliveryOf(db: Db, jobId: number): Promise<JobDelivery> {
  const counted = await db
    .select({ status: replyRecipients.status, n: sql<number>`count(*)::int` })
    .from(replyRecipients)
    .where(eq(replyRecipients.jobId, jobId))
    .groupBy(replyRecipients.status);
  const problems = await db
    .select({ ticketId: replyRecipients.ticketId, address: replyRecipients.address, status: replyRecipients.status, response: replyRecipients.smtpResponse })
    .from(replyRecipients)
    .where(and(eq(replyRecipients.jobId, jobId), inArray(replyRecipients.status, PROBLEMS)))
    .orderBy(asc(replyRecipients.id))
    .limit(FAILURES_SHOWN);
  return {
    total: counted.reduce((sum, c) => sum + Number(c.n), 0),
    counts: Object.fromEntries(counted.map((c) => [c.status, Number(c.n)])),
    problems: problems.map((p) => ({ ...p, status: p.status as DeliveryStatus })),
  };
}

/** A bulk reply's delivery; a macro's only when one of its steps sent a reply. */
async function deliveryFor(db: Db, row: JobRow): Promise<JobDelivery | null> {
  if (row.operation !== 'reply' && row.operation !== 'macro') return null;
  const delivery = await deliveryOf(db, row.id);
  return row.operation === 'macro' && delivery.total === 0 ? null : delivery;
}

/** R-BULK-6: the initiator's earlier job still queued or running, which this one waits for. */
async function waitingFor(db: Db, row: JobRow): Promise<number | null> {
  if (row.status !== 'queued') return null;
  const [earlier] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.initiatorId, row.initiatorId), inArray(jobs.status, ['queued', 'running']), lt(jobs.id, row.id)))
    .orderBy(desc(jobs.id))
    .limit(1);
  return earlier?.id ?? null;
}

export async function toJob(db: Db, row: JobRow): Promise<Job> {
  const [view] = row.viewId === null ? [] : await db.select({ name: views.name }).from(views).where(eq(views.id, row.viewId));
  const failures = row.failed
    ? await db
        .select({ ticketId: jobItems.ticketId, ticketNumber: tickets.number, reason: jobItems.reason })
        .from(jobItems)
        .leftJoin(tickets, eq(tickets.id, jobItems.ticketId))
        .where(and(eq(jobItems.jobId, row.id), eq(jobItems.state, 'failed')))
        .orderBy(asc(jobItems.seq))
        .limit(FAILURES_SHOWN)
    : [];
  return {
    id: row.id,
    operation: row.operation as Job['operation'],
    mode: row.mode as Job['mode'],
    payload: row.payload,
    departmentId: row.departmentId,
    viewId: row.viewId,
    viewName: view?.name ?? null,
    initiatorId: row.initiatorId,
    status: row.status as Job['status'],
    counts: { total: row.total, done: row.done, failed: row.failed },
    failures: failures.map((f) => ({ ticketId: f.ticketId, ticketNumber: f.ticketNumber, reason: f.reason ?? 'failed' })),
    delivery: await deliveryFor(db, row),
    waitingForJobId: await waitingFor(db, row),
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}
