import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { messageMark, recipientState } from '../../core/receipts';
import type { MessageReceipt, RecipientKind, RecipientReceipt, TicketReceipts } from '../../core/schemas/receipt';
import type { Db } from '../db/client';
import { departments, replyRecipients, threads } from '../db/schema';
import type { ReplyRecipientRow, ThreadRow, TicketRow } from '../db/rows';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function receiptOf(row: ReplyRecipientRow): RecipientReceipt {
  const state = recipientState(row);
  const problem = state === 'bounced' || state === 'failed';
  return {
    address: row.address,
    kind: row.kind as RecipientKind,
    state,
    deliveredAt: iso(row.deliveredAt),
    firstOpenedAt: iso(row.firstOpenedAt),
    lastOpenedAt: iso(row.lastOpenedAt),
    openCount: row.openCount,
    problemAt: problem ? row.updatedAt.toISOString() : null,
    detail: problem ? row.smtpResponse : null,
  };
}

function messageOf(thread: ThreadRow, rows: ReplyRecipientRow[]): MessageReceipt {
  const recipients = rows.map(receiptOf);
  return {
    threadId: thread.id,
    messageId: thread.messageId,
    from: thread.from,
    subject: thread.subject,
    sentAt: thread.createdAt.toISOString(),
    mark: messageMark(recipients),
    recipients,
  };
}

/**
 * The tracked messages of a ticket with their marks (R-RCPT-3..7), oldest first. With receipts off
 * in the ticket's department nothing is answered, old messages included (R-RCPT-9).
 */
export async function ticketReceipts(db: Db, ticket: TicketRow): Promise<TicketReceipts> {
  const [department] = await db.select({ features: departments.features }).from(departments).where(eq(departments.id, ticket.departmentId));
  if (!department?.features.receipts) return { enabled: false, messages: [] };
  const rows = await db
    .select({ recipient: replyRecipients, thread: threads })
    .from(replyRecipients)
    .innerJoin(threads, eq(threads.id, replyRecipients.threadId))
    .where(and(eq(replyRecipients.ticketId, ticket.id), isNotNull(replyRecipients.openToken)))
    .orderBy(asc(threads.createdAt), asc(threads.id), asc(replyRecipients.id));
  const byThread = new Map<number, { thread: ThreadRow; recipients: ReplyRecipientRow[] }>();
  for (const { recipient, thread } of rows) {
    const entry = byThread.get(thread.id) ?? { thread, recipients: [] };
    entry.recipients.push(recipient);
    byThread.set(thread.id, entry);
  }
  return { enabled: true, messages: [...byThread.values()].map((m) => messageOf(m.thread, m.recipients)) };
}
