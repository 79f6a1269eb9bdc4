import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { ReplyMailer } from './smtp-mailer';
import { outgoingMail } from '../db/schema';

export interface MailMessage {
  to: string[];
  subject: string;
  bodyText: string;
  jobId?: number;
}

/**
 * Records a message in the caller's transaction, so it exists exactly when the change it reports
 * does; deliverStoredMail sends it once that has committed. Without SMTP (demo mode) it stays here.
 */
export async function recordMail(tx: Db, message: MailMessage): Promise<void> {
  if (message.to.length === 0) return;
  await tx.insert(outgoingMail).values({ to: message.to, subject: message.subject, bodyText: message.bodyText, jobId: message.jobId ?? null });
}

/**
 * Sends a job's recorded notifications through SMTP, each once: claimed from `stored` before it is
 * handed over, then `sent`, `failed` or `uncertain` with the server's answer.
 */
export async function deliverStoredMail(db: Db, jobId: number, mailer: ReplyMailer, from: string): Promise<void> {
  const rows = await db
    .select()
    .from(outgoingMail)
    .where(and(eq(outgoingMail.jobId, jobId), eq(outgoingMail.status, 'stored')))
    .orderBy(asc(outgoingMail.id));
  for (const row of rows) await sendRecordedMail(db, mailer, from, row);
}

/** Hands one recorded message to SMTP at most once: claimed `stored` → `sending`, then the outcome with the server's answer. */
export async function sendRecordedMail(db: Db, mailer: ReplyMailer, from: string, row: { id: number; to: string[]; subject: string; bodyText: string }): Promise<void> {
  const [claimed] = await db
    .update(outgoingMail)
    .set({ status: 'sending' })
    .where(and(eq(outgoingMail.id, row.id), eq(outgoingMail.status, 'stored')))
    .returning({ id: outgoingMail.id });
  if (!claimed) return;
  const outcome = await mailer.send({
    envelope: { from, to: row.to },
    from,
    to: row.to,
    cc: [],
    subject: row.subject,
    text: row.bodyText,
    html: null,
    messageId: `<${randomUUID()}@${from.split('@')[1] ?? 'localhost'}>`,
    inReplyTo: null,
    references: [],
  });
  await db
    .update(outgoingMail)
    .set({ status: outcome.status === 'retry' ? 'failed' : outcome.status, response: outcome.response })
    .where(eq(outgoingMail.id, row.id));
}
