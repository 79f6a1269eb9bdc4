import { and, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { visibleDepartmentIds } from '../../core/rules/permissions';
import { IdParams, pageOf } from '../../core/schemas/api';
import { Job, JobCreate, JobListQuery, JobPreview, ReplyPreviewRequest } from '../../core/schemas/job';
import { previewJob } from '../jobs/job-preview';
import type { Db } from '../db/client';
import { jobs } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { ApiFailure, conflict, notFound } from '../http/api-failure';
import { decodeCursor, encodeCursor } from '../http/cursor';
import type { Api } from '../http/route';
import { submitJob } from '../jobs/job-submit';
import { resendReplies } from '../jobs/reply-resend';
import { applyDsn, DsnError } from '../mail/dsn';
import { toJob } from '../jobs/job-rows';
import type { JobQueue } from '../jobs/queue';

const tag = 'jobs';
const Cursor = z.object({ id: z.number().int() });

/** Jobs of the departments an agent can view, and their own all-departments jobs. */
function visibleJobs(auth: AuthContext): SQL {
  const departments = visibleDepartmentIds(auth.access);
  return or(
    departments.length ? inArray(jobs.departmentId, departments) : undefined,
    and(isNull(jobs.departmentId), eq(jobs.initiatorId, auth.agent.id)),
  )!;
}

async function visibleJob(db: Db, auth: AuthContext, id: number) {
  const [row] = await db.select().from(jobs).where(and(eq(jobs.id, id), visibleJobs(auth)));
  if (!row) throw notFound(`Job ${id}`);
  return row;
}

export function jobRoutes(api: Api, queue: JobQueue | undefined) {
  api.add(
    { method: 'post', path: '/jobs', tag, summary: 'Run an operation on a selection (bulk, ≤ 50) or a whole view (mass, ≤ 200,000)', body: JobCreate, response: Job, status: 202 },
    ({ db, auth, body }) => {
      if (!queue) throw new ApiFailure(503, 'INTERNAL', 'This server runs without a job worker.');
      return submitJob(db, queue, auth, body);
    },
  );
  api.add(
    { method: 'post', path: '/jobs/preview', tag, summary: 'Pre-check a job: request-level refusals and, for a selection, each ticket that would be refused and why; changes nothing', body: JobCreate, response: JobPreview },
    ({ db, auth, body }) => previewJob(db, auth, body),
  );
  api.add(
    {
      method: 'post',
      path: '/replies/preview',
      tag,
      summary: 'Pre-check a bulk reply (R-REPLY-7): each ticket eligible or the rule and reason, and the message rendered for one ticket; sends nothing',
      body: ReplyPreviewRequest,
      response: JobPreview,
    },
    ({ db, auth, body }) => previewJob(db, auth, { operation: 'reply', departmentId: body.departmentId, ticketIds: body.ticketIds, payload: body.payload }, body.sampleTicketId),
  );
  api.add(
    { method: 'get', path: '/jobs', tag, summary: 'Job history: queued, running, completed; filter by operation, mode (bulk or mass) and department', query: JobListQuery, response: pageOf(Job) },
    async ({ db, auth, query }) => {
      const after = decodeCursor(query.cursor, Cursor);
      const conditions = [
        visibleJobs(auth),
        query.status ? eq(jobs.status, query.status) : undefined,
        query.operation ? eq(jobs.operation, query.operation) : undefined,
        query.mode ? eq(jobs.mode, query.mode) : undefined,
        query.departmentId ? eq(jobs.departmentId, query.departmentId) : undefined,
        after ? lt(jobs.id, after.id) : undefined,
      ];
      const rows = await db.select().from(jobs).where(and(...conditions)).orderBy(desc(jobs.id)).limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      return {
        items: await Promise.all(page.map((row) => toJob(db, row))),
        nextCursor: rows.length > query.limit ? encodeCursor({ id: page.at(-1)!.id }) : null,
      };
    },
  );
  api.add(
    { method: 'get', path: '/jobs/:id', tag, summary: 'One job with its progress and per-ticket failures', params: IdParams, response: Job },
    async ({ db, auth, params }) => toJob(db, await visibleJob(db, auth, params.id)),
  );
  api.add(
    { method: 'delete', path: '/jobs/:id', tag, summary: 'Cancel a queued job (a running one cannot be cancelled, R-BULK-8)', params: IdParams, response: Job },
    async ({ db, auth, params }) => {
      const row = await visibleJob(db, auth, params.id);
      if (row.initiatorId !== auth.agent.id) throw new ApiFailure(403, 'FORBIDDEN', 'Only the agent who started a job can cancel it.');
      const [cancelled] = await db
        .update(jobs)
        .set({ status: 'cancelled', finishedAt: new Date() })
        .where(and(eq(jobs.id, row.id), eq(jobs.status, 'queued')))
        .returning();
      if (!cancelled) {
        if (row.status === 'running') throw new ApiFailure(409, 'CONFLICT', `Job ${row.id} is already running and cannot be cancelled (R-BULK-8).`, 'R-BULK-8');
        throw conflict(`Job ${row.id} is ${row.status}; only a queued job can be cancelled.`);
      }
      return toJob(db, cancelled);
    },
  );
  api.add(
    {
      method: 'post',
      path: '/jobs/:id/resend',
      tag,
      summary: "Resend a finished bulk reply's failed and uncertain recipients (never one the SMTP server accepted)",
      params: IdParams,
      response: Job,
      status: 202,
    },
    async ({ db, auth, params }) => {
      if (!queue) throw new ApiFailure(503, 'INTERNAL', 'This server runs without a job worker.');
      return resendReplies(db, queue, auth, await visibleJob(db, auth, params.id));
    },
  );
  api.add(
    {
      method: 'post',
      path: '/inbound/dsn',
      tag,
      summary: 'A bounce (RFC 3464 delivery-status message, raw, as `message`): marks the recipient it names bounced, with the diagnostic',
      body: z.object({ message: z.string().min(1).max(5_000_000) }),
      response: z.object({ recipientId: z.number().int().positive(), address: z.string(), status: z.string() }),
    },
    async ({ db, body }) => {
      try {
        return await applyDsn(db, body.message);
      } catch (error) {
        if (error instanceof DsnError) throw new ApiFailure(422, 'VALIDATION', error.message);
        throw error;
      }
    },
  );
}
