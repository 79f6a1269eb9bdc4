import { and, asc, eq } from 'drizzle-orm';
import type { Operation } from '../../core/schemas/job';
import type { Db } from '../db/client';
import { agents, departments, jobItems, memberships, roles, tickets, views } from '../db/schema';
import { OPERATION_WORDS } from './operation-words';
import { mailTime } from '../mail/mail-time';
import { deliverStoredMail, recordMail } from '../mail/stored-mail';
import type { Mailers } from '../mail/mailers';
import type { JobRow } from '../db/rows';

/** The initiator and the admins of the job's department (all departments' admins for an all-departments job). */
async function recipients(tx: Db, job: JobRow): Promise<string[]> {
  const adminRows = await tx
    .select({ email: agents.email })
    .from(memberships)
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .innerJoin(agents, eq(agents.id, memberships.agentId))
    .where(and(eq(roles.kind, 'admin'), eq(agents.active, true), job.departmentId === null ? undefined : eq(memberships.departmentId, job.departmentId)));
  const [initiator] = await tx.select({ email: agents.email }).from(agents).where(eq(agents.id, job.initiatorId));
  return [...new Set([initiator?.email, ...adminRows.map((r) => r.email)].filter((e): e is string => !!e))];
}

/** Failures listed in the mail by ticket number; the rest are counted, and all are in the job's page. */
const FAILURES_LISTED = 50;

async function failureLines(tx: Db, job: JobRow): Promise<string[]> {
  if (job.failed === 0) return [];
  const rows = await tx
    .select({ number: tickets.number, reason: jobItems.reason })
    .from(jobItems)
    .leftJoin(tickets, eq(tickets.id, jobItems.ticketId))
    .where(and(eq(jobItems.jobId, job.id), eq(jobItems.state, 'failed')))
    .orderBy(asc(jobItems.seq))
    .limit(FAILURES_LISTED);
  const more = job.failed - rows.length;
  return ['', 'Failed tickets:', ...rows.map((r) => `  #${r.number ?? '?'}: ${r.reason ?? 'failed'}`), ...(more > 0 ? [`  … and ${more} more.`] : [])];
}

/** Where the job is seen: its absolute address when PUBLIC_URL is known, and always the popup. */
function whereToSee(job: JobRow, publicUrl: string | undefined): string {
  const popup = 'the Inbox Desk popup, Job history';
  return publicUrl ? `Details: ${new URL(`/api/v1/jobs/${job.id}`, publicUrl).href} (or ${popup}).` : `Details: ${popup}.`;
}

/**
 * R-BULK-9: when a mass action finishes, its initiator and the department's admins get the result
 * by e-mail: the operation in words, the view, the counts, the failures by ticket number.
 */
export async function mailMassResult(tx: Db, job: JobRow, publicUrl?: string): Promise<void> {
  if (job.mode !== 'mass') return;
  const [department] = job.departmentId === null ? [] : await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, job.departmentId));
  const [view] = job.viewId === null ? [] : await tx.select({ name: views.name }).from(views).where(eq(views.id, job.viewId));
  const where = department ? `department ${department.name}` : 'all departments';
  const operation = OPERATION_WORDS[job.operation as Operation] ?? job.operation;
  await recordMail(tx, {
    to: await recipients(tx, job),
    subject: `Mass action "${operation}" finished: ${job.done} of ${job.total} changed`,
    bodyText: [
      `The mass action "${operation}" on the view "${view?.name ?? 'a view since deleted'}" in ${where} has finished.`,
      `Changed: ${job.done} of ${job.total} tickets. Failed: ${job.failed}.`,
      // No agent or department keeps a time zone yet, so the times say UTC rather than pass as local.
      `Started: ${mailTime(job.startedAt ?? job.createdAt)}. Finished: ${mailTime(job.finishedAt ?? new Date())}.`,
      ...(await failureLines(tx, job)),
      '',
      whereToSee(job, publicUrl),
    ].join('\n'),
    jobId: job.id,
  });
}

/**
 * Sends the recorded result once the completion has committed, through the job's department's SMTP
 * server and from its address (the first department that has one, for an all-departments job).
 */
export async function sendMassResult(db: Db, job: JobRow, mailers: Mailers | undefined): Promise<void> {
  if (job.mode !== 'mass' || !mailers) return;
  const [department] = await db
    .select({ id: departments.id, name: departments.name, smtpUrl: departments.smtpUrl, fromAddresses: departments.fromAddresses })
    .from(departments)
    .where(job.departmentId === null ? undefined : eq(departments.id, job.departmentId))
    .orderBy(asc(departments.id))
    .limit(1);
  const mailer = mailers.for(department);
  const from = department?.fromAddresses[0];
  if (mailer && from) await deliverStoredMail(db, job.id, mailer, from);
}
