import { and, eq, inArray, sql } from 'drizzle-orm';
import { addressKey } from '../../core/rules/address';
import type { Db } from '../db/client';
import type { ReplyRecipientRow } from '../db/rows';
import { replyRecipients } from '../db/schema';
import { TOKEN_HEADER } from './smtp-mailer';

/** One per-recipient block of an RFC 3464 delivery-status report. */
export interface DsnRecipient {
  finalRecipient: string | null;
  originalRecipient: string | null;
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
 * Reads a bounce: the message/delivery-status part's per-recipient blocks (Final-Recipient,
 * Original-Recipient, Action, Status, Diagnostic-Code) and the token we put in every message.
 * Lenient, as bounces in the wild are.
 */
export function parseDsn(raw: string): ParsedDsn {
  const token = new RegExp(`${TOKEN_HEADER}:\\s*(${TOKEN})`, 'i').exec(raw)?.[1] ?? new RegExp(`\\+(${TOKEN})@`).exec(raw)?.[1] ?? null;
  const recipients = raw
    .split(/\r?\n\r?\n/)
    .map(fieldsOf)
    .filter((f) => f.has('final-recipient') && f.has('action'))
    .map((f) => ({
      finalRecipient: afterType(f.get('final-recipient')),
      originalRecipient: afterType(f.get('original-recipient')),
      action: f.get('action')?.toLowerCase() ?? null,
      status: f.get('status') ?? null,
      diagnostic: afterType(f.get('diagnostic-code')) ?? null,
    }));
  return { token, recipients };
}

/** Why a report changes nothing: it carries no token of ours, an unknown one, or names another address than its token's recipient. */
export type DsnMismatch = 'no_token' | 'unknown_token' | 'other_address';

export class DsnError extends Error {
  override name = 'DsnError';
  constructor(
    readonly reason: DsnMismatch,
    message: string,
  ) {
    super(message);
  }
}

/** An address as a report writes it (`<a@b>`, any case) in the form we compare. */
const reportedKey = (address: string | null) => (address ? addressKey(address.replace(/^<(.*)>$/, '$1')) : null);

/** The report's block about this recipient: its Final-Recipient or Original-Recipient is the address the token was sent to. */
function blockAbout(parsed: ParsedDsn, recipient: ReplyRecipientRow): DsnRecipient | undefined {
  const ours = addressKey(recipient.address);
  return parsed.recipients.find((r) => reportedKey(r.finalRecipient) === ours || reportedKey(r.originalRecipient) === ours);
}

export interface MatchedDsn {
  recipient: ReplyRecipientRow;
  /** The per-recipient block that names the recipient's address. */
  report: DsnRecipient;
}

/**
 * The recipient a report is about. The token alone is not enough: anyone who saw one of our
 * messages' headers could mail a forged bounce with it, so the report must also name the very
 * address that token was sent to; a report about any other address matches nothing.
 */
export async function matchDsn(db: Db, raw: string): Promise<MatchedDsn> {
  const parsed = parseDsn(raw);
  if (!parsed.token) throw new DsnError('no_token', 'The message carries no Inbox Desk recipient token: it is not a bounce of a message we sent.');
  const [recipient] = await db.select().from(replyRecipients).where(eq(replyRecipients.token, parsed.token));
  if (!recipient) throw new DsnError('unknown_token', 'No recipient has this token (the ticket may have been purged).');
  const report = blockAbout(parsed, recipient);
  if (!report) throw new DsnError('other_address', "The report's Final-Recipient is not the address its token was sent to.");
  return { recipient, report };
}

/** Marks the recipient bounced, with the diagnostic; a delay or relay notice, or a recipient never handed over, changes nothing. True when it is bounced now. */
export async function markBounced(db: Db, { recipient, report }: MatchedDsn): Promise<boolean> {
  if (report.action !== 'failed') return false;
  const diagnostic = [report.status, report.diagnostic].filter(Boolean).join(' ') || 'Bounced (no diagnostic given).';
  const marked = await db
    .update(replyRecipients)
    .set({ status: 'bounced', smtpResponse: diagnostic, updatedAt: sql`now()` })
    .where(and(eq(replyRecipients.id, recipient.id), inArray(replyRecipients.status, ['sent', 'uncertain', 'bounced'])))
    .returning({ id: replyRecipients.id });
  return marked.length > 0;
}

/** A bounce from a trusted source (our mailbox, the CLI): the matched recipient and whether it is bounced now. */
export async function applyDsn(db: Db, raw: string): Promise<{ recipient: ReplyRecipientRow; bounced: boolean }> {
  const matched = await matchDsn(db, raw);
  return { recipient: matched.recipient, bounced: await markBounced(db, matched) };
}
