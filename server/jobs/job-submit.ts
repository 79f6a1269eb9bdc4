import { enforceCustomFieldUpdate } from '../departments/custom-fields';
import { sendsMail } from './sends-mail';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { checkMove, checkOneJobPerView, checkOperationAllowed, checkUserJobLimit } from '../../core/rules/bulk-limits';
import { checkFieldEffect, checkFieldUpdate } from '../../core/rules/field-update';
import { checkReplyCount } from '../../core/rules/reply-eligibility';
import { checkJobPermissions } from '../../core/rules/job-request';
import { checkViewAllowsJob } from '../../core/rules/view-scope';
import { PLACEHOLDERS, unknownPlaceholders } from '../../core/templates/placeholders';
import type { Job, JobCreate } from '../../core/schemas/job';
import type { View } from '../../core/schemas/view';
import type { Db } from '../db/client';
import { departments, jobItems, jobs, tickets } from '../db/schema';
import { mergeTickets } from '../merge/merge-apply';
import { recordMassBatches } from './mass-batch';
import { enforce, refusedWith } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { resolveScope, type JobScope } from './job-scope';
import { toJob } from './job-rows';
import type { JobQueue } from './queue';
import { list, refusal } from '../../core/refusals/refusal';

const ACTIVE = ['queued', 'running'];
/** Advisory-lock namespaces: submissions of one agent, and submissions on one view, are serialised. */
const LOCK_AGENT = 71_001;
const LOCK_VIEW = 71_002;

/** R-REPLY-2: a placeholder that does not exist would reach the customer as written; refuse it before anything is sent. */
function refuseUnknownPlaceholders(payload: { subject?: string; body: string }) {
  const unknown = unknownPlaceholders(`${payload.subject ?? ''} ${payload.body}`);
  if (unknown.length === 0) return;
  const params = { unknown: list(unknown.map((u) => `{{${u}}}`)), known: list(PLACEHOLDERS.map((p) => `{{${p}}}`)) };
  throw refusedWith(422, 'RULE_VIOLATION', refusal('R-REPLY-2', 'reply.unknownPlaceholder', params));
}

async function enforceMove(db: Db, auth: AuthContext, request: JobCreate, scope: JobScope) {
  if (request.operation !== 'move') return;
  const [{ n }] = (await db.select({ n: count() }).from(departments)) as [{ n: number }];
  for (const source of scope.departmentIds) {
    enforce(checkMove({ departmentCount: Number(n), sourceDepartmentId: source, targetDepartmentId: request.payload.departmentId, access: auth.access }));
  }
}

/** R-BULK-6 and R-BULK-7, counted under the locks so concurrent submits cannot both slip through. */
async function enforceCapacity(db: Db, auth: AuthContext, scope: JobScope) {
  if (scope.view) await db.execute(sql`select pg_advisory_xact_lock(${LOCK_VIEW}::int, ${scope.view.id}::int)`);
  await db.execute(sql`select pg_advisory_xact_lock(${LOCK_AGENT}::int, ${auth.agent.id}::int)`);
  const [mine] = await db
    .select({ n: count() })
    .from(jobs)
    .where(and(eq(jobs.initiatorId, auth.agent.id), inArray(jobs.status, ACTIVE)));
  enforce(checkUserJobLimit(Number(mine!.n)));
  if (scope.view) {
    const [onView] = await db
      .select({ n: count() })
      .from(jobs)
      .where(and(eq(jobs.viewId, scope.view.id), inArray(jobs.status, ACTIVE)));
    enforce(checkOneJobPerView(Number(onView!.n), scope.view.name));
  }
}

/** Every rule of R-BULK-1..7 and the permissions; throws the first refusal, answers the scope. */
export async function checkJobRequest(db: Db, auth: AuthContext, request: JobCreate): Promise<JobScope> {
  // R-REPLY-1 names the reply's own limit before the generic R-BULK-1 would.
  if (request.operation === 'reply' && request.ticketIds) enforce(checkReplyCount(new Set(request.ticketIds).size));
  const scope = await resolveScope(db, auth, request);
  if (scope.view) enforce(checkViewAllowsJob({ ...scope.view, kind: scope.view.kind as View['kind'] }, scope.mode));
  enforce(checkOperationAllowed(request.operation, scope.mode, scope.allDepartments));
  enforce(checkJobPermissions(auth.access, request.operation, scope.mode, scope.departmentIds, await sendsMail(db, request)));
  if (request.operation === 'update_field') {
    enforce(checkFieldEffect(request.payload.field, request.payload.value, scope.mode, scope.allDepartments));
    enforce(checkFieldUpdate(request.payload.field, request.payload.value));
    if (request.payload.field.startsWith('custom.')) await enforceCustomFieldUpdate(db, scope.departmentIds, request.payload.field.slice('custom.'.length), request.payload.value);
  }
  if (request.operation === 'reply') refuseUnknownPlaceholders(request.payload);
  await enforceMove(db, auth, request, scope);
  await enforceCapacity(db, auth, scope);
  return scope;
}

/**
 * Records the job, its items and its dispatch in one transaction (the caller's), answering 202
 * with the queued job.
 */
export async function submitJob(db: Db, queue: JobQueue, auth: AuthContext, request: JobCreate): Promise<Job> {
  const scope = await checkJobRequest(db, auth, request);
  // One transaction by nature (R-MERGE-6/7 move content between tickets), so it completes here instead of queueing.
  if (request.operation === 'merge') {
    return (await mergeTickets(db, auth, { ticketIds: request.ticketIds!, primaryId: request.payload.primaryId, fieldChoices: request.payload.fieldChoices })).job;
  }
  const [job] = await db
    .insert(jobs)
    .values({
      operation: request.operation,
      mode: scope.mode,
      payload: request.payload as Record<string, unknown>,
      departmentId: request.departmentId === 'all' ? null : request.departmentId,
      viewId: scope.view?.id ?? null,
      initiatorId: auth.agent.id,
      total: scope.total,
    })
    .returning();
  // Set-based, so a 200,000-ticket view costs one statement, not 200,000.
  if (scope.mode === 'mass') await recordMassBatches(db, job!.id, scope.where);
  else {
    await db.execute(
      sql`insert into ${jobItems} (job_id, ticket_id, seq) select ${job!.id}, ${tickets.id}, row_number() over (order by ${tickets.id}) from ${tickets} where ${scope.where}`,
    );
  }
  // Dispatched at once: the undo window is waited out at the head of the agent's queue (R-BULK-6).
  await queue.enqueue(db, job!.id, auth.agent.id);
  return toJob(db, job!);
}
