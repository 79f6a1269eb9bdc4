import { and, desc, eq, inArray, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { bulkReplyHistoryDepartmentIds, visibleDepartmentIds } from '../../core/rules/permissions';
import type { Page } from '../../core/schemas/api';
import type { Job, JobListQuery } from '../../core/schemas/job';
import type { Db } from '../db/client';
import type { JobRow } from '../db/rows';
import { jobs } from '../db/schema';
import { notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { toJob } from './job-rows';

const Cursor = z.object({ id: z.number().int() });

/**
 * Jobs of the departments an agent can view, and their own all-departments jobs. A bulk reply (its
 * recipients, their delivery) only where the agent holds ticket.bulk_reply, or their own (R-PERM-5).
 */
function visibleJobs(auth: AuthContext): SQL {
  const departments = visibleDepartmentIds(auth.access);
  const replyDepartments = bulkReplyHistoryDepartmentIds(auth.access);
  const mine = eq(jobs.initiatorId, auth.agent.id);
  const replies = or(mine, replyDepartments.length ? inArray(jobs.departmentId, replyDepartments) : undefined);
  return or(departments.length ? and(inArray(jobs.departmentId, departments), or(ne(jobs.operation, 'reply'), replies)) : undefined, and(isNull(jobs.departmentId), mine))!;
}

/** One job the agent can see; 404 for any other, so nobody learns of jobs outside their reach. */
export async function visibleJob(db: Db, auth: AuthContext, id: number): Promise<JobRow> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), visibleJobs(auth)));
  if (!row) throw notFound(`Job ${id}`);
  return row;
}

/** Job history, newest first; the cursor is the last job's id. */
export async function listJobs(db: Db, auth: AuthContext, query: JobListQuery): Promise<Page<Job>> {
  const after = decodeCursor(query.cursor, Cursor);
  const conditions = [
    visibleJobs(auth),
    query.status ? eq(jobs.status, query.status) : undefined,
    query.operation ? eq(jobs.operation, query.operation) : undefined,
    query.mode ? eq(jobs.mode, query.mode) : undefined,
    query.departmentId ? eq(jobs.departmentId, query.departmentId) : undefined,
    after ? lt(jobs.id, after.id) : undefined,
  ];
  const rows = await db
    .select()
    .from(jobs)
    .where(and(...conditions))
    .orderBy(desc(jobs.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: await Promise.all(page.map((row) => toJob(db, row))),
    nextCursor: rows.length > query.limit ? encodeCursor({ id: page.at(-1)!.id }) : null,
  };
}
