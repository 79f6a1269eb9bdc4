import type { Db } from '../db/client';
import { outgoingMail } from '../db/schema';

export interface MailMessage {
  to: string[];
  subject: string;
  bodyText: string;
  jobId?: number;
}

/**
 * Records a message in the caller's transaction, so it exists exactly when the change it reports
 * does. Without SMTP (demo mode) it stays here; delivery over SMTP comes with the mailer of bulk reply.
 */
export async function recordMail(tx: Db, message: MailMessage): Promise<void> {
  if (message.to.length === 0) return;
  await tx.insert(outgoingMail).values({ to: message.to, subject: message.subject, bodyText: message.bodyText, jobId: message.jobId ?? null });
}
