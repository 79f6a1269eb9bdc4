import { and, asc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments, replyRecipients, threads, tickets } from '../db/schema';
import { withHelpCenterLink, type FooterTicket } from './help-center-footer';
import { withOpenPixel } from '../receipts/open-pixel';
import { retryDelaysFor, nextStep } from './mail-retry';
import { bounceAddress, type ReplyMailer } from './smtp-mailer';
import type { ReplyRecipientRow, ThreadRow } from '../db/rows';

export interface DeliveryOptions {
  /**
   * The backoff a transient failure is scheduled with (mail-retry.ts by default, as in the mail
   * queue that makes the retries); its length is the number of retries. Tests shorten it.
   */
  retryDelaysMs?: readonly number[];
  /** Where customers' mail clients reach this server (PUBLIC_URL): the read-receipt image is served from there. */
  publicUrl?: string;
}

const PAGE = 50;
/** The pooled transport's connections (smtp-mailer.ts maxConnections). */
const CONCURRENCY = 3;

const INTERRUPTED =
  'The server stopped while this message was being handed to the SMTP server: it may or may not have arrived, so it is not sent again automatically. Resend it if the customer did not get it.';

/** One recipient's copy and the SMTP server of its ticket's department (R-REPLY-6: a bulk reply's one department). */
export interface PendingReply {
  recipient: ReplyRecipientRow;
  thread: ThreadRow;
  ticket: FooterTicket;
  smtpUrl: string | null;
}

/** Waiting for a hand-over: the job's first attempt (`queued`), or the queue's retry once its backoff is over. */
const due = () => and(inArray(replyRecipients.status, ['queued', 'retrying']), or(isNull(replyRecipients.nextAttemptAt), lte(replyRecipients.nextAttemptAt, sql`now()`)));

/** Recipients matching `where`, oldest first, with what their copies are made of. */
export function pendingReplies(db: Db, where: SQL | undefined, limit: number): Promise<PendingReply[]> {
  return db
    .select({
      recipient: replyRecipients,
      thread: threads,
      ticket: { ticketId: tickets.id, departmentId: tickets.departmentId, helpCenter: departments.helpCenter },
      smtpUrl: departments.smtpUrl,
    })
    .from(replyRecipients)
    .innerJoin(threads, eq(threads.id, replyRecipients.threadId))
    .innerJoin(tickets, eq(tickets.id, threads.ticketId))
    .innerJoin(departments, eq(departments.id, tickets.departmentId))
    .where(where)
    .orderBy(asc(replyRecipients.id))
    .limit(limit);
}

/** Retries whose backoff is over (the mail queue's part); `retrying` is set only where an SMTP server was found. */
export const dueReplyRetries = (db: Db, limit: number) => pendingReplies(db, and(eq(replyRecipients.status, 'retrying'), due()), limit);

/**
 * This recipient's copy: with the ticket's help-center link when there is one, and, when tracked,
 * its own open image (R-RCPT-2).
 */
function copyFor({ recipient, thread, ticket }: PendingReply, publicUrl: string | undefined): { text: string; html: string | null } {
  const { text, html } = withHelpCenterLink(thread.bodyText, thread.bodyHtml, ticket, publicUrl);
  if (html === null || !recipient.openToken || !publicUrl) return { text, html };
  return { text, html: withOpenPixel(html, publicUrl, recipient.openToken) };
}

/**
 * One hand-over of one recipient's copy, by the job (first attempt) or the mail queue (retries);
 * false when another sender had claimed it. The claim (due → `sending`) is one conditional UPDATE,
 * so of several workers and queues on one database exactly one sends it. A transient failure is
 * put back `retrying` with its backoff in the table, so a restart resumes it; anything that may
 * have reached the server is `uncertain` and never retried (nextStep, mail-retry.ts).
 */
export async function sendReply(db: Db, mailer: ReplyMailer, row: PendingReply, delaysMs: readonly number[], publicUrl: string | undefined): Promise<boolean> {
  const { recipient, thread } = row;
  const [claimed] = await db
    .update(replyRecipients)
    .set({ status: 'sending', attempts: sql`${replyRecipients.attempts} + 1`, smtpResponse: null, updatedAt: sql`now()` })
    .where(and(eq(replyRecipients.id, recipient.id), due()))
    .returning({ attempts: replyRecipients.attempts });
  if (!claimed) return false;
  const copy = copyFor(row, publicUrl);
  const outcome = await mailer.send({
    envelope: { from: bounceAddress(thread.from, recipient.token), to: [recipient.address] },
    from: thread.from,
    to: thread.to,
    cc: thread.cc,
    subject: thread.subject,
    text: copy.text,
    html: copy.html,
    messageId: thread.messageId!,
    inReplyTo: thread.inReplyTo,
    references: thread.references,
    token: recipient.token,
  });
  const step = nextStep(outcome, claimed.attempts, delaysMs);
  await db
    .update(replyRecipients)
    .set({
      status: step.status,
      smtpResponse: step.response,
      updatedAt: sql`now()`,
      nextAttemptAt: step.status === 'retrying' ? sql`now() + ${`${step.delayMs} milliseconds`}::interval` : null,
      // R-RCPT-3: the SMTP server taking the message is what "delivered" means to a receipt.
      ...(step.status === 'sent' ? { deliveredAt: sql`now()` } : {}),
    })
    .where(eq(replyRecipients.id, recipient.id));
  return true;
}

/**
 * A job's first hand-over of every queued recipient, one envelope each; a transient failure is left
 * `retrying` for the mail queue (notice-queue.ts), so the job finishes without waiting out a backoff
 * and the initiator's next job is not held up (R-BULK-6). "sending" is committed before each
 * hand-over, so after a crash those are marked uncertain rather than sent twice. Without SMTP (demo)
 * the messages are stored, not sent.
 */
export async function deliverReplies(db: Db, jobId: number, mailer: ReplyMailer | null, options: DeliveryOptions = {}): Promise<void> {
  const delays = options.retryDelaysMs ?? retryDelaysFor('reply');
  // Only the job's own hand-overs (no next attempt set): a retry the mail queue has under way is the queue's.
  await db
    .update(replyRecipients)
    .set({ status: 'uncertain', smtpResponse: INTERRUPTED, updatedAt: sql`now()` })
    .where(and(eq(replyRecipients.jobId, jobId), eq(replyRecipients.status, 'sending'), isNull(replyRecipients.nextAttemptAt)));
  const queued = and(eq(replyRecipients.jobId, jobId), eq(replyRecipients.status, 'queued'), due());
  if (!mailer) {
    await db
      .update(replyRecipients)
      .set({ status: 'stored', smtpResponse: 'No SMTP server is configured (demo): the message is stored, not sent.', updatedAt: sql`now()` })
      .where(queued);
    return;
  }
  for (let page = await pendingReplies(db, queued, PAGE); page.length > 0; page = await pendingReplies(db, queued, PAGE)) {
    // As many hand-overs at once as the pooled transport has connections; after an error the other
    // lanes finish what they hold and take nothing new, so the error surfaces with nothing in flight.
    let broken = false;
    const lanes = Array.from({ length: CONCURRENCY }, async (_, lane) => {
      for (let i = lane; i < page.length && !broken; i += CONCURRENCY) {
        await sendReply(db, mailer, page[i]!, delays, options.publicUrl).catch((error: unknown) => {
          broken = true;
          throw error;
        });
      }
    });
    const failure = (await Promise.allSettled(lanes)).find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
  }
}
