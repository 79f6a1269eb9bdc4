import { attachmentRefusal } from '../../../core/mail/attachment-limit';
import type { Db } from '../../db/client';
import { attachments } from '../../db/schema';
import type { IncomingAttachment, IncomingMail } from './incoming-mail';

export interface AttachmentPlan {
  kept: IncomingAttachment[];
  /** One sentence per refused file, for the thread's text and the ingest record. */
  refusals: string[];
}

/** Which attachments the department keeps (its maxAttachmentBytes per file); the others are named, not silently dropped. */
export function planAttachments(mail: IncomingMail, maxBytes: number): AttachmentPlan {
  const plan: AttachmentPlan = { kept: [], refusals: [] };
  for (const file of mail.attachments) {
    const refusal = attachmentRefusal(file, maxBytes);
    if (refusal) plan.refusals.push(refusal);
    else plan.kept.push(file);
  }
  return plan;
}

/** The thread's text with the refusals under it, where the agent reading the message sees them. */
export function textWithRefusals(text: string, plan: AttachmentPlan): string {
  if (plan.refusals.length === 0) return text;
  return `${text.trimEnd()}\n\n${plan.refusals.map((r) => `[${r}]`).join('\n')}`;
}

export async function storeAttachments(tx: Db, threadId: number, plan: AttachmentPlan): Promise<void> {
  if (plan.kept.length === 0) return;
  await tx.insert(attachments).values(plan.kept.map((file) => ({ threadId, filename: file.filename, contentType: file.contentType, size: file.size, content: file.content })));
}
