import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type HeaderLines, type ParsedMail, type StructuredHeader } from 'mailparser';
import type { HeaderFields } from '../../../core/mail/header-fields';
import { messageIdsIn } from '../../../core/mail/message-ids';
import { isDeliveryReport } from '../../../core/mail/delivery-report';
import { sanitiseInboundHtml } from '../inbound-html';
import { storableMail } from '../inbound-text';

export interface MailAddress {
  address: string;
  name: string;
}

export interface IncomingAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

/** One message read from a mailbox, in the shape ingestion needs. */
export interface IncomingMail {
  /** The Message-ID, or a stable one made from the raw source when the sender gave none. */
  messageId: string;
  from: MailAddress | null;
  to: string[];
  cc: string[];
  /** Every address the message was delivered to: To, Cc, Delivered-To, X-Original-To (routing by department). */
  deliveredTo: string[];
  subject: string;
  text: string;
  html: string | null;
  /** The Date field, unless missing or in the future. */
  date: Date | null;
  inReplyTo: string | null;
  /** References, then In-Reply-To: every earlier message this one answers. */
  references: string[];
  headers: HeaderFields;
  deliveryReport: boolean;
  attachments: IncomingAttachment[];
  /** The raw message, for the bounce parser (applyDsn reads the report's own fields). */
  source: Buffer;
}

/** The schema's limit for a thread's text (ThreadInput); a longer body is cut with a visible mark (HTML: inbound-html.ts). */
const MAX_TEXT = 1_000_000;

function addressesOf(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects
    .flatMap((o) => o.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .filter((entry) => !!entry.address && entry.address.includes('@'))
    .map((entry) => ({ address: entry.address!.toLowerCase(), name: entry.name }));
}

/** Raw header text per field (unfolded, name stripped), the input of the pure mail rules in core/mail. */
function headerFields(lines: HeaderLines): HeaderFields {
  const fields: Record<string, string[]> = {};
  for (const { key, line } of lines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    (fields[key] ??= []).push(value);
  }
  return fields;
}

/** X-Original-To and Delivered-To: the address the mail server delivered to, which To may not show (BCC, aliases). */
function envelopeRecipients(fields: HeaderFields): string[] {
  return [...(fields['delivered-to'] ?? []), ...(fields['x-original-to'] ?? [])].map((a) => a.replace(/^<|>$/g, '').trim().toLowerCase()).filter((a) => a.includes('@'));
}

const cut = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max)}\n[… cut: the message was longer than ${max} characters]`);

/** Senders that give no Message-ID still get a stable one, so a second read of the same bytes is recognised. */
export function syntheticMessageId(source: Buffer): string {
  return `<${createHash('sha256').update(source).digest('hex')}@inbox-desk.invalid>`;
}

function toIncoming(mail: ParsedMail, source: Buffer): IncomingMail {
  const headers = headerFields(mail.headerLines);
  const contentType = mail.headers.get('content-type') as StructuredHeader | undefined;
  const to = addressesOf(mail.to).map((a) => a.address);
  const cc = addressesOf(mail.cc).map((a) => a.address);
  const inReplyTo = messageIdsIn(mail.inReplyTo)[0] ?? null;
  return {
    messageId: messageIdsIn(mail.messageId)[0] ?? syntheticMessageId(source),
    from: addressesOf(mail.from)[0] ?? null,
    to,
    cc,
    deliveredTo: [...new Set([...to, ...cc, ...envelopeRecipients(headers)])],
    subject: (mail.subject ?? '').trim(),
    text: cut(mail.text ?? '', MAX_TEXT),
    html: typeof mail.html === 'string' ? mail.html : null,
    // A sender's clock in the future would sort the message after replies not yet written.
    date: mail.date && mail.date.getTime() <= Date.now() ? mail.date : null,
    inReplyTo,
    references: [...new Set([...messageIdsIn(mail.references), ...(inReplyTo ? [inReplyTo] : [])])],
    headers,
    deliveryReport: isDeliveryReport(contentType?.value ?? '', contentType?.params ?? {}),
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? `attachment-${a.partId ?? 'part'}`,
      contentType: a.contentType,
      size: a.size,
      content: a.content,
    })),
    source,
  };
}

/** Parses a raw RFC 5322 message; `cid:` links stay as they are (the images are kept as attachments). */
export async function parseIncomingMail(source: Buffer): Promise<IncomingMail> {
  const mail = await simpleParser(source, { keepCidLinks: true, checksumAlgo: false });
  // Cleaned first, so a NUL cannot hide a scheme from the sanitiser ("java\0script:"); sanitised once, here (issue 21).
  const incoming = storableMail(toIncoming(mail, source));
  return { ...incoming, html: incoming.html === null ? null : sanitiseInboundHtml(incoming.html) };
}
