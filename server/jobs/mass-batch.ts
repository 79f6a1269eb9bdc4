import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { JobRow } from './job-rows';
import { VIEW_CHANGED } from './executor';
import type { MassSpec } from './mass-operations';

/** Tickets per transaction: large enough for set-based speed, small enough to keep locks short. */
export const MASS_BATCH = 5000;

const rowsOf = (result: unknown): Record<string, unknown>[] => (result as { rows: Record<string, unknown>[] }).rows;

/** Safety conditions (the view changed under the job), then the operation's own refusals. */
function refusalsOf(job: JobRow, spec: MassSpec): { reason: string; when: SQL }[] {
  return [
    { reason: VIEW_CHANGED.merged, when: sql`t.merged_into_id is not null` },
    ...(job.operation === 'delete' ? [] : [{ reason: VIEW_CHANGED.trashed, when: sql`t.trashed_at is not null` }]),
    ...(job.departmentId !== null && job.operation !== 'move' ? [{ reason: VIEW_CHANGED.moved, when: sql`t.department_id <> ${job.departmentId}` }] : []),
    ...spec.refusals,
  ];
}

/**
 * One batch in one transaction, all set-based: lock the tickets, mark refused items failed with
 * their reason, change the rest with one UPDATE that also writes their history and marks their items
 * done. A crash rolls the whole batch back, so no ticket is changed twice.
 */
export async function runMassBatch(tx: Db, job: JobRow, spec: MassSpec, ids: number[]): Promise<{ done: number; failed: number }> {
  // One array parameter (drizzle would spread a JS array into thousands of parameters), joined as
  // a set: `= any(array)` would compare every row with every element.
  const batch = sql`(select unnest(${`{${ids.join(',')}}`}::bigint[]))`;
  await tx.execute(sql`select id from tickets where id in ${batch} order by id for update`);
  await tx.execute(sql`update job_items i set state = 'failed', reason = ${VIEW_CHANGED.gone}
    where i.job_id = ${job.id} and i.state = 'pending' and i.ticket_id in ${batch}
      and not exists (select 1 from tickets t where t.id = i.ticket_id)`);
  for (const { reason, when } of refusalsOf(job, spec)) {
    await tx.execute(sql`update job_items i set state = 'failed', reason = ${reason} from tickets t
      where i.job_id = ${job.id} and i.state = 'pending' and i.ticket_id in ${batch} and t.id = i.ticket_id and (${when})`);
  }
  await tx.execute(sql`with target as (
      select t.* from tickets t join job_items i on i.ticket_id = t.id
      where i.job_id = ${job.id} and i.state = 'pending' and t.id in ${batch}
    ), changed as (
      update tickets set ${spec.set}, version = t.version + 1, updated_at = now()
      from target t where tickets.id = t.id
      returning tickets.id, ${spec.changes} as changes
    ), history as (
      insert into ticket_history (ticket_id, agent_id, job_id, action, changes)
      select id, ${job.initiatorId}, ${job.id}, ${spec.action}, changes from changed
    )
    update job_items i set state = 'done' from changed where i.job_id = ${job.id} and i.ticket_id = changed.id`);
  const counts = rowsOf(
    await tx.execute(sql`select count(*) filter (where state = 'done')::int as done, count(*) filter (where state = 'failed')::int as failed
      from job_items where job_id = ${job.id} and ticket_id in ${batch}`),
  )[0]!;
  const result = { done: Number(counts.done), failed: Number(counts.failed) };
  await tx.execute(sql`update jobs set done = done + ${result.done}, failed = failed + ${result.failed} where id = ${job.id}`);
  return result;
}
