import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { replyRecipients } from '../db/schema';
import { TOKEN_HEADER } from './smtp-mailer';

/** One per-recipient block of an RFC 3464 delivery-status report. */
export interface DsnRecipient {
  finalRecipient: string | null;
  action: string | null;
  status: string | null;
  diagnostic: string | null;
}

export interface ParsedDsn {
  /** Our recipient token: from the returned headers, or the VERP address the bounce was sent to. */
  token: string | null;
  recipients: DsnRecipient[];
}

const TOKEN = '[A-Za-z0-9_-]{22}';

/** Header fields of a block, with folded (continued) lines joined. */
function fieldsOf(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (match) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
  }
  return fields;
}

const afterType = (value: string | undefined) => (value ? value.replace(/^[a-z0-9-]+;\s*/i, '') : null);

/**
 * Reads a bounce: the message/delivery-status part's per-recipient blocks (Final-Recipient, Action,
 * Status, Diagnostic-Code) and the token we put in every message. Lenient, as bounces in the wild are.
 */
export function parseDsn(raw: string): ParsedDsn {
  const token = new RegExp(`${TOKEN_HEADER}:\\s*(${TOKEN})`, 'i').exec(raw)?.[1] ?? new RegExp(`\\+(${TOKEN})@`).exec(raw)?.[1] ?? null;
  const recipients = raw
    .split(/\r?\n\r?\n/)
    .map(fieldsOf)
    .filter((f) => f.has('final-recipient') && f.has('action'))
    .map((f) => ({
      finalRecipient: afterType(f.get('final-recipient')),
      action: f.get('action')?.toLowerCase() ?? null,
      status: f.get('status') ?? null,
      diagnostic: afterType(f.get('diagnostic-code')) ?? null,
    }));
  return { token, recipients };
}

export class DsnError extends Error {
  override name = 'DsnError';
}

/** Marks the recipient a bounce names as bounced, with the diagnostic; a delayed or relayed notice changes nothing. */
export async function applyDsn(db: Db, raw: string): Promise<{ recipientId: number; address: string; status: string }> {
  const parsed = parseDsn(raw);
  if (!parsed.token) throw new DsnError('The message carries no Inbox Desk recipient token: it is not a bounce of a message we sent.');
  const [recipient] = await db.select().from(replyRecipients).where(eq(replyRecipients.token, parsed.token));
  if (!recipient) throw new DsnError('No recipient has this token (the ticket may have been purged).');
  const failed = parsed.recipients.find((r) => r.action === 'failed');
  if (!failed) return { recipientId: recipient.id, address: recipient.address, status: recipient.status };
  const diagnostic = [failed.status, failed.diagnostic].filter(Boolean).join(' ') || 'Bounced (no diagnostic given).';
  await db
    .update(replyRecipients)
    .set({ status: 'bounced', smtpResponse: diagnostic, updatedAt: sql`now()` })
    .where(and(eq(replyRecipients.id, recipient.id), inArray(replyRecipients.status, ['sent', 'uncertain', 'bounced'])));
  return { recipientId: recipient.id, address: recipient.address, status: 'bounced' };
}
