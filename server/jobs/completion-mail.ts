import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agents, departments, memberships, roles } from '../db/schema';
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

/** R-BULK-9: when a mass action finishes, its initiator and the department's admins get the result by e-mail. */
export async function mailMassResult(tx: Db, job: JobRow): Promise<void> {
  if (job.mode !== 'mass') return;
  const [department] = job.departmentId === null ? [] : await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, job.departmentId));
  const where = department ? `department ${department.name}` : 'all departments';
  await recordMail(tx, {
    to: await recipients(tx, job),
    subject: `Mass action "${job.operation}" finished: ${job.done} of ${job.total} changed`,
    bodyText: [
      `The mass action "${job.operation}" in ${where} has finished.`,
      `Changed: ${job.done} of ${job.total} tickets. Failed: ${job.failed}.`,
      `Details and every failure with its reason: /api/v1/jobs/${job.id} (and the job history in the Inbox Desk popup).`,
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
