import { and, asc, desc, eq } from 'drizzle-orm';
import type { JobCreate, JobPreview, ReplyPreviewRequest, ReplySample } from '../../core/schemas/job';
import type { Db } from '../db/client';
import { replyRecipients, threads, tickets } from '../db/schema';
import { ApiFailure } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { mergeTickets } from '../merge/merge-apply';
import { checkJobRequest } from './job-submit';
import { attemptItem } from './job-runner';
import type { JobRow } from '../db/rows';

/** Thrown to roll the dry run back. */
const ROLLBACK = new Error('dry run');

function refusal(error: unknown): JobPreview['violations'] {
  if (!(error instanceof ApiFailure)) throw error;
  const listed = (error.details as { violations?: JobPreview['violations'] } | undefined)?.violations;
  return listed ?? [{ ...(error.rule ? { rule: error.rule } : {}), message: error.message }];
}

/** The reply the executor just recorded for a ticket (inside the dry run), as the customer would get it. */
async function recordedReply(tx: Db, ticketId: number): Promise<ReplySample> {
  const [thread] = await tx
    .select()
    .from(threads)
    .where(and(eq(threads.ticketId, ticketId), eq(threads.direction, 'out')))
    .orderBy(desc(threads.id))
    .limit(1);
  const t = thread!;
  const skipped = await tx
    .select({ address: replyRecipients.address, reason: replyRecipients.smtpResponse })
    .from(replyRecipients)
    .where(and(eq(replyRecipients.threadId, t.id), eq(replyRecipients.status, 'failed')));
  return {
    ticketId,
    from: t.from,
    to: t.to,
    cc: t.cc,
    subject: t.subject,
    html: t.bodyHtml ?? '',
    text: t.bodyText,
    inReplyTo: t.inReplyTo,
    ...(skipped.length > 0 ? { skipped: skipped.map((s) => ({ address: s.address, reason: s.reason ?? '' })) } : {}),
  };
}

/**
 * The pre-check before a bulk job: the same checks as submitting, then every ticket tried with the
 * real executor inside a savepoint that is always rolled back — so the answer is exactly what the
 * job would do, and nothing is changed.
 */
export async function previewJob(db: Db, auth: AuthContext, request: JobCreate, sampleTicketId?: number): Promise<JobPreview> {
  let preview: JobPreview | null = null;
  try {
    await db.transaction(async (t) => {
      const tx = t as Db;
      const scope = await checkJobRequest(tx, auth, request);
      const job = {
        id: 0,
        operation: request.operation,
        mode: scope.mode,
        payload: request.payload as Record<string, unknown>,
        departmentId: request.departmentId === 'all' ? null : request.departmentId,
        initiatorId: auth.agent.id,
      } as JobRow;
      if (request.operation === 'merge') {
        const { mergedIds, ticket } = await mergeTickets(tx, auth, {
          ticketIds: request.ticketIds!,
          primaryId: request.payload.primaryId,
          fieldChoices: request.payload.fieldChoices,
        });
        preview = { mode: scope.mode, total: scope.total, violations: [], tickets: [ticket.id, ...mergedIds].map((ticketId) => ({ ticketId, ok: true, reason: null })) };
        throw ROLLBACK;
      }
      const ids = scope.mode === 'bulk' ? (await tx.select({ id: tickets.id }).from(tickets).where(scope.where).orderBy(asc(tickets.id))).map((r) => r.id) : [];
      const results = [];
      let sample: ReplySample | null = null;
      for (const ticketId of ids) {
        const reason = await attemptItem(tx, job, ticketId);
        results.push({ ticketId, ok: reason === null, reason });
        const wanted = sampleTicketId === undefined ? sample === null : ticketId === sampleTicketId;
        if (request.operation === 'reply' && reason === null && wanted) sample = await recordedReply(tx, ticketId);
      }
      preview = { mode: scope.mode, total: scope.total, violations: [], tickets: results, ...(request.operation === 'reply' ? { sample } : {}) };
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) return { mode: 'bulk', total: request.ticketIds?.length ?? 0, violations: refusal(error), tickets: [] };
  }
  return preview!;
}

/** R-REPLY-7: a bulk reply's pre-check is the reply job's, with the sample rendered for the ticket asked for. */
export function previewReply(db: Db, auth: AuthContext, request: ReplyPreviewRequest): Promise<JobPreview> {
  const { departmentId, ticketIds, viewId, payload, sampleTicketId } = request;
  return previewJob(db, auth, { operation: 'reply', departmentId, ticketIds, payload, ...(viewId === undefined ? {} : { viewId }) }, sampleTicketId);
}
