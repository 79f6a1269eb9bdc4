import { eq, sql } from 'drizzle-orm';
import { checkFieldChoices, checkMerge, mergedFields, MERGEABLE_FIELDS } from '../../core/rules/merge-rules';
import { primaryChanges } from '../../core/merge-plan';
import type { FieldChoices, MergeResult } from '../../core/schemas/merge';
import type { Ticket, TicketStatus } from '../../core/schemas/ticket';
import type { Db } from '../db/client';
import { comments, departments, jobItems, jobs, replyRecipients, threads, ticketHistory, tickets, ticketTasks, ticketWebmailThreads } from '../db/schema';
import { conflict, enforce, refusedWith } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { toJob } from '../jobs/job-rows';
import { noticeNewFollowers } from '../notices/cc-notices';
import { enforceAssignee } from '../tickets/assignee';
import { enforceRecipients } from '../tickets/secondary-contacts';
import { enforceBlueprint, onHoldChange } from '../tickets/ticket-patch';
import { toTickets } from '../tickets/ticket-rows';
import { loadMergeTickets } from './merge-tickets';
import type { TicketRow } from '../db/rows';
import { list, refusal } from '../../core/refusals/refusal';

export interface MergeInput {
  ticketIds: number[];
  primaryId: number;
  fieldChoices: FieldChoices;
  /** The versions the agent saw in the preview; a job started from a selection has none. */
  versions?: Map<number, number>;
}

/** A change made after the preview: merging anyway would overwrite it unseen. */
function refuseStale(rows: TicketRow[], versions: Map<number, number> | undefined) {
  if (!versions) return;
  for (const row of rows) {
    const seen = versions.get(row.id);
    if (seen !== undefined && seen !== row.version) {
      throw conflict(`Ticket #${row.number} was changed by someone else since the preview (version ${row.version}, yours ${seen}); preview the merge again.`, {
        ticketId: row.id,
        currentVersion: row.version,
      });
    }
  }
}

/** R-MERGE-3: the agent may pick another primary, but only one of the tickets being merged. */
function refuseForeignPrimary(tickets: Ticket[], primaryId: number) {
  if (tickets.some((t) => t.id === primaryId)) return;
  const numbers = list(tickets.map((t) => `#${t.number}`));
  throw refusedWith(422, 'RULE_VIOLATION', refusal('R-MERGE-3', 'merge.foreignPrimary', { primary: primaryId, numbers }));
}

/** The merged values must still be valid for the primary's department: R-CC-1..3 for chosen recipients, assignees, the blueprint. */
async function enforceMergedValues(db: Db, primary: TicketRow, merged: Ticket) {
  const [department] = await db.select().from(departments).where(eq(departments.id, primary.departmentId));
  if (JSON.stringify([merged.secondaryContactIds, merged.ccAddresses]) !== JSON.stringify([primary.secondaryContactIds, primary.ccAddresses])) {
    await enforceRecipients(db, department!, merged, primary.id);
  }
  await enforceAssignee(db, department!, { assigneeAgentId: merged.assigneeAgentId, assigneeTeamId: merged.assigneeTeamId });
  if (merged.status !== primary.status) await enforceBlueprint(db, primary, merged.status);
}

/** The newest thread's channel once every thread is on the primary: R-REPLY-4 decides social tickets by it. */
async function lastThreadChannel(db: Db, ticketId: number): Promise<string | null> {
  const [row] = await db
    .select({ channel: threads.channel })
    .from(threads)
    .where(eq(threads.ticketId, ticketId))
    .orderBy(sql`${threads.createdAt} desc, ${threads.id} desc`)
    .limit(1);
  return row?.channel ?? null;
}

/** R-MERGE-6: everything the others hold moves to the primary; R-MERGE-7: they go to the trash pointing at it. */
async function moveIntoPrimary(db: Db, primaryId: number, otherIds: number[]) {
  const ids = sql.param(otherIds);
  await db
    .update(threads)
    .set({ ticketId: primaryId })
    .where(sql`${threads.ticketId} = any(${ids}::bigint[])`);
  await db
    .update(comments)
    .set({ ticketId: primaryId })
    .where(sql`${comments.ticketId} = any(${ids}::bigint[])`);
  await db
    .update(ticketTasks)
    .set({ ticketId: primaryId })
    .where(sql`${ticketTasks.ticketId} = any(${ids}::bigint[])`);
  // Receipts follow the messages they belong to.
  await db
    .update(replyRecipients)
    .set({ ticketId: primaryId })
    .where(sql`${replyRecipients.ticketId} = any(${ids}::bigint[])`);
  // The webmail conversations too: their rows then show the primary's badge, and a new message in them lands on it.
  await db
    .update(ticketWebmailThreads)
    .set({ ticketId: primaryId })
    .where(sql`${ticketWebmailThreads.ticketId} = any(${ids}::bigint[])`);
  // Tickets merged earlier into one of the others now point straight at the primary.
  await db
    .update(tickets)
    .set({ mergedIntoId: primaryId })
    .where(sql`${tickets.mergedIntoId} = any(${ids}::bigint[])`);
  await db
    .update(tickets)
    .set({ trashedAt: sql`now()`, mergedIntoId: primaryId, version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${tickets.id} = any(${ids}::bigint[])`);
}

function mergedColumns(merged: Ticket) {
  return Object.fromEntries(MERGEABLE_FIELDS.map((field) => [field, merged[field]])) as Pick<Ticket, (typeof MERGEABLE_FIELDS)[number]>;
}

/** The merge as job history shows it: a bulk job of one step, completed with it. */
async function recordJob(db: Db, auth: AuthContext, primary: TicketRow, input: MergeInput, ids: number[]) {
  const [job] = await db
    .insert(jobs)
    .values({
      operation: 'merge',
      mode: 'bulk',
      payload: { primaryId: input.primaryId, fieldChoices: input.fieldChoices },
      departmentId: primary.departmentId,
      initiatorId: auth.agent.id,
      status: 'completed',
      total: ids.length,
      done: ids.length,
      startedAt: sql`now()`,
      finishedAt: sql`now()`,
    })
    .returning();
  await db.insert(jobItems).values(ids.map((ticketId, i) => ({ jobId: job!.id, ticketId, seq: i + 1, state: 'done' })));
  return job!;
}

/**
 * Merges 2–5 tickets into one in the caller's transaction (R-MERGE-1..7, R-CC-9): every check,
 * the chosen fields on the primary, the others' content moved over and the others trashed, with
 * history on each and a job record. Created, first-response and on-hold times stay the primary's
 * (R-MERGE-5): they are not mergeable fields, and the primary's row is updated, not replaced.
 */
export async function mergeTickets(db: Db, auth: AuthContext, input: MergeInput): Promise<MergeResult> {
  const { rows, tickets: loaded, primaryNumbers } = await loadMergeTickets(db, auth.access, input.ticketIds, true);
  enforce(checkMerge({ tickets: loaded, access: auth.access, primaryNumbers }));
  refuseStale(rows, input.versions);
  refuseForeignPrimary(loaded, input.primaryId);
  enforce(checkFieldChoices(loaded, input.fieldChoices));
  const primary = rows.find((r) => r.id === input.primaryId)!;
  const primaryTicket = loaded.find((t) => t.id === input.primaryId)!;
  const merged = mergedFields(loaded, input.primaryId, input.fieldChoices);
  await enforceMergedValues(db, primary, merged);
  const ids = rows.map((r) => r.id);
  const otherIds = ids.filter((id) => id !== primary.id);
  const job = await recordJob(db, auth, primary, input, ids);
  await moveIntoPrimary(db, primary.id, otherIds);
  const [updated] = await db
    .update(tickets)
    .set({
      ...mergedColumns(merged),
      ...onHoldChange(primary, merged.status as TicketStatus),
      lastThreadChannel: (await lastThreadChannel(db, primary.id)) ?? primary.lastThreadChannel,
      version: primary.version + 1,
      updatedAt: sql`now()`,
    })
    .where(eq(tickets.id, primary.id))
    .returning();
  await db.insert(ticketHistory).values([
    {
      ticketId: primary.id,
      agentId: auth.agent.id,
      jobId: job.id,
      action: 'merged',
      changes: { mergedIds: otherIds, mergedNumbers: rows.filter((r) => r.id !== primary.id).map((r) => r.number), fields: primaryChanges(primaryTicket, merged) },
    },
    ...rows
      .filter((r) => r.id !== primary.id)
      .map((r) => ({ ticketId: r.id, agentId: auth.agent.id, jobId: job.id, action: 'merged_into', changes: { into: primary.id, intoNumber: primary.number } })),
  ]);
  // R-CC-5: a CC the merge brings to the primary learns its number and help-center page.
  await noticeNewFollowers(db, primary, updated!);
  return { ticket: (await toTickets(db, [updated!]))[0]!, mergedIds: otherIds, job: await toJob(db, job) };
}
