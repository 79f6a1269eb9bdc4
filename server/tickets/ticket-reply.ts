import { and, count, desc, eq } from 'drizzle-orm';
import { checkMaySendMail } from '../../core/rules/permissions';
import { PLACEHOLDERS, unknownPlaceholders } from '../../core/templates/placeholders';
import type { Job } from '../../core/schemas/job';
import type { ThreadDirection } from '../../core/schemas/thread';
import type { StaleReplyDetails, TicketReplyPreview, TicketReplyRequest } from '../../core/schemas/ticket-reply';
import type { Db } from '../db/client';
import { departments, jobItems, jobs, threads } from '../db/schema';
import { ApiFailure, conflict, enforce, refusedWith } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { attemptItem } from '../jobs/job-runner';
import { toJob } from '../jobs/job-rows';
import type { JobQueue } from '../jobs/queue';
import { withHelpCenterLink } from '../mail/help-center-footer';
import { ONE_TICKET } from './one-ticket-reply';
import { getVisibleTicket } from './ticket-query';
import type { JobRow, TicketRow } from '../db/rows';
import { list, refusal } from '../../core/refusals/refusal';

const ROLLBACK = new Error('dry run');
const RULE_PREFIX = /^(R-[A-Z]+-\d+): /;

function refuseUnknownPlaceholders(body: TicketReplyRequest) {
  const unknown = unknownPlaceholders(`${body.subject ?? ''} ${body.body}`);
  if (unknown.length === 0) return;
  const params = { unknown: list(unknown.map((u) => `{{${u}}}`)), known: list(PLACEHOLDERS.map((p) => `{{${p}}}`)) };
  throw refusedWith(422, 'RULE_VIOLATION', refusal('R-REPLY-2', 'reply.unknownPlaceholder', params));
}

/** The ticket, if the agent may see it and send mail in its department (R-PERM-2/5: send_email, not bulk_reply). */
async function replyableTicket(db: Db, auth: AuthContext, id: number, body: TicketReplyRequest): Promise<TicketRow> {
  const ticket = await getVisibleTicket(db, auth.access, id);
  enforce(checkMaySendMail(auth.access, ticket.departmentId, false));
  refuseUnknownPlaceholders(body);
  return ticket;
}

// What the composer had seen is for the check below, not part of the reply job.
const payloadOf = ({ seenThreadCount: _seen, confirmStale: _confirm, ...reply }: TicketReplyRequest): Record<string, unknown> => ({ ...reply, scope: ONE_TICKET });

/**
 * Runs the reply executor on the ticket inside a savepoint that is always rolled back: the reason it
 * would fail (R-REPLY-3/4 …), or the message exactly as the customer gets it, footer included.
 */
async function dryRun(db: Db, auth: AuthContext, ticket: TicketRow, body: TicketReplyRequest, publicUrl?: string): Promise<TicketReplyPreview> {
  let preview: TicketReplyPreview | null = null;
  const job = { id: 0, operation: 'reply', mode: 'bulk', payload: payloadOf(body), departmentId: ticket.departmentId, initiatorId: auth.agent.id } as JobRow;
  await db
    .transaction(async (t) => {
      const tx = t as Db;
      const reason = await attemptItem(tx, job, ticket.id);
      if (reason) {
        const rule = RULE_PREFIX.exec(reason)?.[1];
        preview = { violations: [{ ...(rule ? { rule } : {}), message: `Ticket #${ticket.number}: ${reason}` }], sample: null };
        throw ROLLBACK;
      }
      const [sent] = await tx
        .select()
        .from(threads)
        .where(and(eq(threads.ticketId, ticket.id), eq(threads.direction, 'out')))
        .orderBy(desc(threads.id))
        .limit(1);
      const [department] = await tx.select({ helpCenter: departments.helpCenter }).from(departments).where(eq(departments.id, ticket.departmentId));
      const copy = withHelpCenterLink(sent!.bodyText, sent!.bodyHtml, { ticketId: ticket.id, departmentId: ticket.departmentId, helpCenter: department!.helpCenter }, publicUrl);
      const sample = {
        ticketId: ticket.id,
        from: sent!.from,
        to: sent!.to,
        cc: sent!.cc,
        subject: sent!.subject,
        html: copy.html ?? '',
        text: copy.text,
        inReplyTo: sent!.inReplyTo,
      };
      preview = { violations: [], sample };
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  return preview!;
}

export async function previewTicketReply(db: Db, auth: AuthContext, id: number, body: TicketReplyRequest, publicUrl?: string): Promise<TicketReplyPreview> {
  try {
    return await dryRun(db, auth, await replyableTicket(db, auth, id, body), body, publicUrl);
  } catch (error) {
    if (!(error instanceof ApiFailure) || error.status === 404) throw error;
    const listed = (error.details as { violations?: TicketReplyPreview['violations'] } | undefined)?.violations;
    return { violations: listed ?? [{ ...(error.rule ? { rule: error.rule } : {}), message: error.message }], sample: null };
  }
}

/**
 * Collision detection (issue 22, item 9): the ticket got a message or a reply since the composer
 * counted its threads, so the agent sees it before answering; confirmStale sends anyway.
 */
async function refuseStale(db: Db, ticket: TicketRow, seen: number) {
  const [counted] = await db.select({ n: count() }).from(threads).where(eq(threads.ticketId, ticket.id));
  const now = counted?.n ?? 0;
  if (now <= seen) return;
  const [latest] = await db.select().from(threads).where(eq(threads.ticketId, ticket.id)).orderBy(desc(threads.createdAt), desc(threads.id)).limit(1);
  const details: StaleReplyDetails = {
    reason: 'stale_reply',
    threadCount: now,
    latest: { direction: latest!.direction as ThreadDirection, from: latest!.from, createdAt: latest!.createdAt.toISOString() },
  };
  const news = now - seen === 1 ? 'a new message' : `${now - seen} new messages`;
  throw conflict(`Ticket #${ticket.number} got ${news} since you started this reply (latest from ${latest!.from}): review before sending, or send anyway.`, details);
}

/**
 * One ticket's reply as a one-item reply job: it waits out the undo window in the queue (cancel =
 * DELETE /jobs/:id), and is delivered per recipient exactly like a bulk reply — sent once or uncertain.
 */
export async function sendTicketReply(db: Db, queue: JobQueue, auth: AuthContext, id: number, body: TicketReplyRequest): Promise<Job> {
  const ticket = await replyableTicket(db, auth, id, body);
  if (body.seenThreadCount !== undefined && !body.confirmStale) await refuseStale(db, ticket, body.seenThreadCount);
  const refused = (await dryRun(db, auth, ticket, body)).violations[0];
  if (refused) throw new ApiFailure(422, 'RULE_VIOLATION', refused.message, refused.rule, { violations: [refused] });
  const [job] = await db
    .insert(jobs)
    .values({ operation: 'reply', mode: 'bulk', payload: payloadOf(body), departmentId: ticket.departmentId, viewId: null, initiatorId: auth.agent.id, total: 1 })
    .returning();
  await db.insert(jobItems).values({ jobId: job!.id, ticketId: ticket.id, seq: 1 });
  await queue.enqueue(db, job!.id, auth.agent.id);
  return toJob(db, job!);
}
