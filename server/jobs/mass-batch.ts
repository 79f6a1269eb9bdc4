import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { VIEW_CHANGED } from './executor';
import type { MassSpec } from './mass-operations';
import type { JobRow } from '../db/rows';

/** Tickets per transaction: large enough for set-based speed, small enough to keep locks short. */
export const MASS_BATCH = 5000;

const rowsOf = (result: unknown): Record<string, unknown>[] => (result as { rows: Record<string, unknown>[] }).rows;

/** Fixes the job's tickets at submit: every ticket `where` matches, in id order, MASS_BATCH per row. */
export async function recordMassBatches(db: Db, jobId: number, where: SQL): Promise<void> {
  await db.execute(sql`insert into job_batches (job_id, seq, ticket_ids)
    select ${jobId}, seq, selected.ids[seq * ${MASS_BATCH} + 1 : (seq + 1) * ${MASS_BATCH}]
    from (select array_agg(id order by id) as ids from tickets where ${where}) selected,
      generate_series(0, (cardinality(selected.ids) - 1) / ${MASS_BATCH}) seq`);
}

/**
 * Claims the first batch not yet applied and not being applied by another lane: its row stays
 * locked until the caller's transaction ends, so two lanes never take the same batch.
 */
async function claimBatch(tx: Db, jobId: number): Promise<{ seq: number; ticketIds: number[] } | null> {
  const [row] = rowsOf(await tx.execute(sql`select seq, ticket_ids from job_batches where job_id = ${jobId} and done_at is null order by seq limit 1 for update skip locked`));
  return row ? { seq: Number(row.seq), ticketIds: (row.ticket_ids as (string | number)[]).map(Number) } : null;
}

/** Safety conditions (the view changed under the job), then the operation's own refusals, as one CASE. */
function refusalOf(job: JobRow, spec: MassSpec): SQL {
  const checks = [
    { reason: VIEW_CHANGED.gone, when: sql`t.id is null` },
    { reason: VIEW_CHANGED.merged, when: sql`t.merged_into_id is not null` },
    ...(job.operation === 'delete' ? [] : [{ reason: VIEW_CHANGED.trashed, when: sql`t.trashed_at is not null` }]),
    ...(job.departmentId !== null && job.operation !== 'move' ? [{ reason: VIEW_CHANGED.moved, when: sql`t.department_id <> ${job.departmentId}` }] : []),
    ...spec.refusals,
  ];
  return sql`case ${sql.join(
    checks.map(({ reason, when }) => sql`when ${when} then ${reason}`),
    sql` `,
  )} end`;
}

/**
 * Claims one batch and applies it in the caller's transaction with one statement: it locks the
 * batch's tickets, judges each, records the refused ones as failed items with their reason, changes
 * the rest, writes their history, and marks the batch applied. A crash rolls the whole batch back,
 * so no ticket is changed twice. Answers null when no batch is left to claim.
 */
export async function runMassBatch(tx: Db, job: JobRow, spec: MassSpec): Promise<{ seq: number; done: number; failed: number } | null> {
  const batch = await claimBatch(tx, job.id);
  if (!batch) return null;
  // One array parameter (drizzle would spread a JS array into thousands); bounding the scan to the
  // ids' sorted range keeps the planner from walking the primary key from the first ticket each time.
  const ids = sql`${`{${batch.ticketIds.join(',')}}`}::bigint[]`;
  const [first, last] = [batch.ticketIds[0]!, batch.ticketIds.at(-1)!];
  const [counts] = rowsOf(
    await tx.execute(sql`with judged as (
        select t.*, item.id as item_ticket_id, item.n as item_n, ${refusalOf(job, spec)} as refusal
        from unnest(${ids}) with ordinality as item(id, n)
        left join (
          select * from tickets where id between ${first} and ${last} and id = any(${ids}) order by id for update
        ) t on t.id = item.id
      ), failures as (
        insert into job_items (job_id, ticket_id, seq, state, reason)
        select ${job.id}, item_ticket_id, ${batch.seq * MASS_BATCH} + item_n, 'failed', refusal from judged where refusal is not null
        returning 1
      ), changed as (
        update tickets set ${spec.set}, version = t.version + 1, updated_at = now()
        from judged t where tickets.id = t.id and t.refusal is null
        returning tickets.id, ${spec.changes} as changes
      ), history as (
        insert into ticket_history (ticket_id, agent_id, job_id, action, changes)
        select id, ${job.initiatorId}, ${job.id}, ${spec.action}, changes from changed
      ), applied as (
        update job_batches set done_at = now() where job_id = ${job.id} and seq = ${batch.seq}
      ), counted as (
        select (select count(*) from changed)::int as done, (select count(*) from failures)::int as failed
      ), progress as (
        update jobs set done = jobs.done + counted.done, failed = jobs.failed + counted.failed from counted where jobs.id = ${job.id}
      )
      select done, failed from counted`),
  );
  return { seq: batch.seq, done: Number(counts!.done), failed: Number(counts!.failed) };
}
