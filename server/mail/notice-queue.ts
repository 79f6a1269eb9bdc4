import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments, outgoingMail } from '../db/schema';
import { withHelpCenterLink } from './help-center-footer';
import { sendRecordedMail } from './stored-mail';
import type { Mailers } from './mailers';
import { describeError } from '../http/error-report';
import { SecretKeyMismatch } from '../secrets/secret-box';

/** Mail that is not a job's result: it leaves as soon as the change it reports has committed. */
export type NoticeKind = 'cc_notice' | 'sign_in_link';
const NOTICE_KINDS: NoticeKind[] = ['cc_notice', 'sign_in_link'];
const SWEEP_MS = 15_000;

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
 * Sends recorded notices, each at most once: a row is claimed (`stored` → `sending`) before it is
 * handed to SMTP, and a row found `sending` after a restart is marked `uncertain`, never resent.
 * Without an SMTP server for the department the notice stays `stored` (demo mode).
 */
export class NoticeQueue {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly mailers: Mailers | undefined,
    /** The address customers reach the server at: a ticket's notice links to its help-center page. */
    private readonly publicUrl: string,
  ) {}

  /** Marks what a crash left half-sent, then sweeps now and every 15 s (a kick lost to a crash is caught up). */
  async start(): Promise<void> {
    await this.db
      .update(outgoingMail)
      .set({ status: 'uncertain', response: 'The server stopped while this message was being handed to SMTP; it is not sent again.' })
      .where(and(eq(outgoingMail.status, 'sending'), inArray(outgoingMail.kind, NOTICE_KINDS)));
    this.timer = setInterval(() => void this.kick(), SWEEP_MS);
    this.timer.unref();
    await this.kick();
  }

  /** Stops sweeping and waits for a pass under way, so the database can close under it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopped = true;
    await this.running;
  }

  /** Sends what is pending; calls while a pass runs fold into one more pass. */
  kick(): Promise<void> {
    if (!this.mailers || this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass().catch((error) => console.error(`Sending notices failed; they stay queued: ${describeError(error)}`));
      } while (this.again);
    })().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
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
      .innerJoin(departments, eq(departments.id, outgoingMail.departmentId))
      .where(
        and(
          eq(outgoingMail.status, 'stored'),
          inArray(outgoingMail.kind, NOTICE_KINDS),
          // Kept (demo) mail of departments without any SMTP server is not looked at again and again.
          this.mailers!.hasDefault ? undefined : isNotNull(departments.smtpUrl),
        ),
      )
      .orderBy(asc(outgoingMail.id))
      .limit(500);
    const unreadable = new Set<number>();
    for (const row of rows) {
      if (unreadable.has(row.departmentId)) continue;
      try {
        await this.send(row);
      } catch (error) {
        // One department's SMTP settings saved with another key must not hold up every other department's notices.
        if (!(error instanceof SecretKeyMismatch)) throw error;
        unreadable.add(row.departmentId);
        console.error(`Notices of department ${row.departmentId} stay queued: ${error.message}`);
      }
    }
  }

  /** A ticket's notice ends with its help-center page, as the help center stands when it leaves. */
  private textOf(row: PendingRow): string {
    if (row.kind !== 'cc_notice' || row.ticketId === null) return row.bodyText;
    return withHelpCenterLink(row.bodyText, null, { ticketId: row.ticketId, departmentId: row.departmentId, helpCenter: row.helpCenter }, this.publicUrl).text;
  }

  private async send(row: PendingRow) {
    const mailer = this.mailers!.for({ id: row.departmentId, smtpUrl: row.smtpUrl });
    if (mailer && row.from) await sendRecordedMail(this.db, mailer, row.from, { ...row, bodyText: this.textOf(row) });
  }
}
