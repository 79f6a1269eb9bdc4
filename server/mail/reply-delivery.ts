import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments, replyRecipients, threads, tickets } from '../db/schema';
import { withHelpCenterLink, type FooterTicket } from './help-center-footer';
import { withOpenPixel } from '../receipts/open-pixel';
import { bounceAddress, type ReplyMailer } from './smtp-mailer';
import type { ReplyRecipientRow, ThreadRow } from '../db/rows';

export interface DeliveryOptions {
  /** Waits before the 2nd, 3rd… attempt of a recipient nothing was handed over for; its length is the number of retries. */
  retryDelaysMs?: number[];
  /** Where customers' mail clients reach this server (PUBLIC_URL): the read-receipt image is served from there. */
  publicUrl?: string;
}

const DEFAULT_RETRY_DELAYS = [2_000, 10_000, 30_000];
const PAGE = 50;
/** The pooled transport's connections (smtp-mailer.ts maxConnections). */
const CONCURRENCY = 3;

const INTERRUPTED =
  'The server stopped while this message was being handed to the SMTP server: it may or may not have arrived, so it is not sent again automatically. Resend it if the customer did not get it.';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function mark(db: Db, id: number, status: string, smtpResponse: string | null, attempts?: number) {
  await db
    .update(replyRecipients)
    // R-RCPT-3: the SMTP server taking the message is what "delivered" means to a receipt.
    .set({ status, smtpResponse, updatedAt: sql`now()`, ...(status === 'sent' ? { deliveredAt: sql`now()` } : {}), ...(attempts === undefined ? {} : { attempts }) })
    .where(eq(replyRecipients.id, id));
}

/**
 * This recipient's copy: with the ticket's help-center link when there is one, and, when tracked,
 * its own open image (R-RCPT-2).
 */
function copyFor({ recipient, thread, ticket }: Row, publicUrl: string | undefined): { text: string; html: string | null } {
  const { text, html } = withHelpCenterLink(thread.bodyText, thread.bodyHtml, ticket, publicUrl);
  if (html === null || !recipient.openToken || !publicUrl) return { text, html };
  return { text, html: withOpenPixel(html, publicUrl, recipient.openToken) };
}

type Row = { recipient: ReplyRecipientRow; thread: ThreadRow; ticket: FooterTicket };

async function deliverOne(db: Db, mailer: ReplyMailer | null, row: Row, delays: number[], publicUrl: string | undefined) {
  const { recipient, thread } = row;
  if (!mailer) {
    await mark(db, recipient.id, 'stored', 'No SMTP server is configured (demo): the message is stored, not sent.');
    return;
  }
  // Claimed only if still queued: a second worker on the same job skips it instead of sending it again.
  const [claimed] = await db
    .update(replyRecipients)
    .set({ status: 'sending', smtpResponse: null, updatedAt: sql`now()` })
    .where(and(eq(replyRecipients.id, recipient.id), eq(replyRecipients.status, 'queued')))
    .returning({ id: replyRecipients.id });
  if (!claimed) return;
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
  const attempts = recipient.attempts + 1;
  if (outcome.status !== 'retry') {
    await mark(db, recipient.id, outcome.status, outcome.response, attempts);
  } else if (attempts > delays.length) {
    await mark(db, recipient.id, 'failed', `Not delivered after ${attempts} attempts: ${outcome.response}`, attempts);
  } else {
    await mark(db, recipient.id, 'queued', outcome.response, attempts);
    await sleep(delays[attempts - 1]!);
  }
}

/**
 * Hands every queued recipient of a job to SMTP, one envelope each. "sending" is committed before
 * each hand-over, so after a crash those are marked uncertain rather than sent twice. Without SMTP
 * (demo) the messages are stored, not sent.
 */
export async function deliverReplies(db: Db, jobId: number, mailer: ReplyMailer | null, options: DeliveryOptions = {}): Promise<void> {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
  await db
    .update(replyRecipients)
    .set({ status: 'uncertain', smtpResponse: INTERRUPTED, updatedAt: sql`now()` })
    .where(and(eq(replyRecipients.jobId, jobId), eq(replyRecipients.status, 'sending')));
  for (;;) {
    const page = await db
      .select({
        recipient: replyRecipients,
        thread: threads,
        ticket: { ticketId: tickets.id, departmentId: tickets.departmentId, helpCenter: departments.helpCenter },
      })
      .from(replyRecipients)
      .innerJoin(threads, eq(threads.id, replyRecipients.threadId))
      .innerJoin(tickets, eq(tickets.id, threads.ticketId))
      .innerJoin(departments, eq(departments.id, tickets.departmentId))
      .where(and(eq(replyRecipients.jobId, jobId), eq(replyRecipients.status, 'queued')))
      .orderBy(asc(replyRecipients.id))
      .limit(PAGE);
    if (page.length === 0) return;
    // As many hand-overs at once as the pooled transport has connections; after an error the other
    // lanes finish what they hold and take nothing new, so the error surfaces with nothing in flight.
    let broken = false;
    const lanes = Array.from({ length: CONCURRENCY }, async (_, lane) => {
      for (let i = lane; i < page.length && !broken; i += CONCURRENCY) {
        await deliverOne(db, mailer, page[i]!, delays, options.publicUrl).catch((error: unknown) => {
          broken = true;
          throw error;
        });
      }
    });
    const failure = (await Promise.allSettled(lanes)).find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
  }
}
