import { and, asc, eq, gt, isNotNull, lt, min, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments, jobs, outgoingMail, replyRecipients } from '../db/schema';
import { withHelpCenterLink } from './help-center-footer';
import { retryDelaysFor } from './mail-retry';
import { dueNow, mailDepartmentId, sendRecordedMail } from './stored-mail';
import { dueReplyRetries, sendReply, type PendingReply } from './reply-delivery';
import type { Mailers } from './mailers';
import { describeError } from '../http/error-report';
import { SecretKeyMismatch } from '../secrets/secret-box';

/** Mail that is not a job's result: it leaves as soon as the change it reports has committed. */
export type NoticeKind = 'cc_notice' | 'sign_in_link' | 'agent_mention';
const SWEEP_MS = 15_000;
const MIN_WAKE_MS = 200;
/**
 * Longer than any one hand-over can take (connection, greeting and every command each bounded by
 * the socket timeout): a row `sending` for longer was cut off by a crash. Another backend's send in
 * progress is younger, so starting a second backend never marks it.
 */
const SENDING_LEASE = '10 minutes';
const INTERRUPTED = 'The server stopped while this message was being handed to SMTP: it may or may not have arrived, so it is not sent again automatically.';

export interface MailQueueOptions {
  /** Backoff between attempts after a transient failure (mail-retry.ts); its length is the number of retries. */
  retryDelaysMs?: readonly number[];
}

interface PendingRow {
  id: number;
  to: string[];
  subject: string;
  bodyText: string;
  kind: string;
  ticketId: number | null;
  departmentId: number;
  helpCenter: boolean;
  smtpUrl: string | null;
  from: string | null;
}

export interface Notice {
  kind: NoticeKind;
  to: string[];
  subject: string;
  bodyText: string;
  departmentId: number;
  ticketId?: number;
}

/**
 * Records a notice in the caller's transaction, so it exists exactly when the change it reports does
 * (a rolled-back reply or comment notifies nobody). One row per recipient: one refused address must
 * not hold back the others, and nobody sees who else follows the ticket.
 */
export async function recordNotice(tx: Db, notice: Notice): Promise<void> {
  const to = [...new Set(notice.to.map((a) => a.trim()).filter(Boolean))];
  if (to.length === 0) return;
  await tx.insert(outgoingMail).values(
    to.map((address) => ({
      to: [address],
      subject: notice.subject,
      bodyText: notice.bodyText,
      kind: notice.kind,
      departmentId: notice.departmentId,
      ticketId: notice.ticketId ?? null,
    })),
  );
}

/**
 * The one retry queue of every outgoing message: recorded ones (CC notices, sign-in links, R-BULK-9
 * results, in outgoing_mail) and the recipients of replies (bulk and one-ticket, in
 * reply_recipients) whose first hand-over by their job failed transiently. Each is claimed before
 * its hand-over (stored-mail.ts, reply-delivery.ts), so several backends on one database send it
 * once; a transient failure waits its backoff in the table, so a restart resumes it; a row found
 * `sending` past the lease is marked `uncertain`, never resent. Without an SMTP server for the
 * department a recorded message stays `stored` (demo mode).
 */
export class NoticeQueue {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private wake: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The same backoff for every kind (tests); by default each kind has its own (mail-retry.ts). */
  private readonly delaysMs: readonly number[] | undefined;

  constructor(
    private readonly db: Db,
    private readonly mailers: Mailers | undefined,
    /** The address customers reach the server at: a ticket's notice links to its help-center page. */
    private readonly publicUrl: string,
    options: MailQueueOptions = {},
  ) {
    this.delaysMs = options.retryDelaysMs;
  }

  /** Sweeps now and every 15 s (a kick lost to a crash is caught up, a retry's time comes). */
  async start(): Promise<void> {
    this.timer = setInterval(() => void this.kick(), SWEEP_MS);
    this.timer.unref();
    await this.kick();
  }

  /** Stops sweeping and waits for a pass under way, so the database can close under it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.wake) clearTimeout(this.wake);
    this.timer = this.wake = null;
    this.stopped = true;
    await this.running;
  }

  /** Sends what is due; calls while a pass runs fold into one more pass. */
  kick(): Promise<void> {
    if (!this.mailers || this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      for (;;) {
        this.again = false;
        const handed = await this.pass().catch((error) => (console.error(`Sending queued mail failed; it stays queued: ${describeError(error)}`), 0));
        if (this.stopped) return;
        // Until a pass hands nothing over: a retry that fell due during one is taken by the next.
        if (this.again || handed > 0) continue;
        await this.wakeForRetry().catch((error) => console.error(`Scheduling mail retries failed; the sweep catches them up: ${describeError(error)}`));
        // A kick while the wake-up was being scheduled is one more pass, not lost.
        if (!this.again || this.stopped) return;
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** A retry due before the next sweep gets its own kick, so short backoffs are kept. */
  private async wakeForRetry(): Promise<void> {
    // Retries ahead, or just due (since the last pass looked): one due longer is held back (a
    // department's unreadable SMTP settings) and waits for the sweep instead of a busy loop.
    const [mail] = await this.db
      .select({ at: min(outgoingMail.nextAttemptAt) })
      .from(outgoingMail)
      .where(and(eq(outgoingMail.status, 'retrying'), gt(outgoingMail.nextAttemptAt, sql`now() - interval '1 second'`)));
    const [reply] = await this.db
      .select({ at: min(replyRecipients.nextAttemptAt) })
      .from(replyRecipients)
      .where(and(eq(replyRecipients.status, 'retrying'), gt(replyRecipients.nextAttemptAt, sql`now() - interval '1 second'`)));
    const next = [mail?.at, reply?.at].filter((at): at is Date => !!at).sort((a, b) => a.getTime() - b.getTime())[0];
    if (!next || this.stopped) return;
    const inMs = Math.max(MIN_WAKE_MS, next.getTime() - Date.now());
    if (inMs >= SWEEP_MS) return;
    if (this.wake) clearTimeout(this.wake);
    this.wake = setTimeout(() => void this.kick(), inMs + 5);
    this.wake.unref();
  }

  /** One look at what is due; answers how many messages it handed over. */
  private async pass(): Promise<number> {
    await this.db
      .update(outgoingMail)
      .set({ status: 'uncertain', response: INTERRUPTED, updatedAt: sql`now()` })
      .where(and(eq(outgoingMail.status, 'sending'), lt(outgoingMail.updatedAt, sql`now() - ${SENDING_LEASE}::interval`)));
    await this.db
      .update(replyRecipients)
      .set({ status: 'uncertain', smtpResponse: INTERRUPTED, updatedAt: sql`now()` })
      .where(and(eq(replyRecipients.status, 'sending'), lt(replyRecipients.updatedAt, sql`now() - ${SENDING_LEASE}::interval`)));
    const rows = await this.db
      .select({
        id: outgoingMail.id,
        to: outgoingMail.to,
        subject: outgoingMail.subject,
        bodyText: outgoingMail.bodyText,
        kind: outgoingMail.kind,
        ticketId: outgoingMail.ticketId,
        departmentId: departments.id,
        helpCenter: departments.helpCenter,
        smtpUrl: departments.smtpUrl,
        from: sql<string | null>`${departments.fromAddresses}[1]`,
      })
      .from(outgoingMail)
      .leftJoin(jobs, eq(jobs.id, outgoingMail.jobId))
      .innerJoin(departments, eq(departments.id, mailDepartmentId))
      .where(
        and(
          dueNow(),
          // Kept (demo) mail of departments without any SMTP server is not looked at again and again.
          this.mailers!.hasDefault ? undefined : isNotNull(departments.smtpUrl),
        ),
      )
      .orderBy(asc(outgoingMail.id))
      .limit(500);
    const sends = [
      ...rows.map((row) => ({ departmentId: row.departmentId, send: () => this.send(row) })),
      ...(await dueReplyRetries(this.db, 500)).map((row) => ({ departmentId: row.ticket.departmentId, send: () => this.sendReply(row) })),
    ];
    const unreadable = new Set<number>();
    let handed = 0;
    for (const { departmentId, send } of sends) {
      if (unreadable.has(departmentId) || this.stopped) continue;
      try {
        if (await send()) handed += 1;
      } catch (error) {
        // One department's SMTP settings saved with another key must not hold up every other department's mail.
        if (!(error instanceof SecretKeyMismatch)) throw error;
        unreadable.add(departmentId);
        console.error(`Mail of department ${departmentId} stays queued: ${error.message}`);
      }
    }
    return handed;
  }

  /** A ticket's notice ends with its help-center page, as the help center stands when it leaves. */
  private textOf(row: PendingRow): string {
    if (row.kind !== 'cc_notice' || row.ticketId === null) return row.bodyText;
    return withHelpCenterLink(row.bodyText, null, { ticketId: row.ticketId, departmentId: row.departmentId, helpCenter: row.helpCenter }, this.publicUrl).text;
  }

  private async send(row: PendingRow): Promise<boolean> {
    const mailer = this.mailers!.for({ id: row.departmentId, smtpUrl: row.smtpUrl });
    return !!mailer && !!row.from && sendRecordedMail(this.db, mailer, row.from, { ...row, bodyText: this.textOf(row) }, this.delaysMs ?? retryDelaysFor(row.kind));
  }

  /** A reply's recipient whose job's hand-over failed transiently, through its ticket's department's server. */
  private async sendReply(row: PendingReply): Promise<boolean> {
    const mailer = this.mailers!.for({ id: row.ticket.departmentId, smtpUrl: row.smtpUrl });
    return !!mailer && sendReply(this.db, mailer, row, this.delaysMs ?? retryDelaysFor('reply'), this.publicUrl);
  }
}
