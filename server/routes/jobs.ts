import { and, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import * as contracts from '../../core/contracts';
import { visibleDepartmentIds } from '../../core/rules/permissions';
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
    contracts.jobs.submit,
    ({ db, auth, body }) => {
      if (!queue) throw new ApiFailure(503, 'INTERNAL', 'This server runs without a job worker.');
      return submitJob(db, queue, auth, body);
    },
  );
  api.add(
    contracts.jobs.preview,
    ({ db, auth, body }) => previewJob(db, auth, body),
  );
  api.add(
    contracts.jobs.previewReply,
    ({ db, auth, body }) => previewJob(db, auth, { operation: 'reply', departmentId: body.departmentId, ticketIds: body.ticketIds, payload: body.payload }, body.sampleTicketId),
  );
  api.add(
    contracts.jobs.list,
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
    contracts.jobs.get,
    async ({ db, auth, params }) => toJob(db, await visibleJob(db, auth, params.id)),
  );
  api.add(
    contracts.jobs.cancel,
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
    contracts.jobs.resend,
    async ({ db, auth, params }) => {
      if (!queue) throw new ApiFailure(503, 'INTERNAL', 'This server runs without a job worker.');
      return resendReplies(db, queue, auth, await visibleJob(db, auth, params.id));
    },
  );
  api.add(
    contracts.inbound.dsn,
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
