import { eq } from 'drizzle-orm';
import type { MailboxDeleteResult } from '../../core/schemas/mailbox';
import type { Db } from '../db/client';
import { ingestedMessages, mailboxes } from '../db/schema';
import { mailboxView } from './mailbox-view';
import type { MailboxRow } from '../db/rows';

/**
 * A mailbox that has read messages is turned off, not deleted: its record of them is what keeps
 * each message from becoming a ticket twice when it is turned on again. One that read nothing goes.
 */
export async function removeMailbox(db: Db, row: MailboxRow): Promise<MailboxDeleteResult> {
  const [read] = await db.select({ id: ingestedMessages.id }).from(ingestedMessages).where(eq(ingestedMessages.mailboxId, row.id)).limit(1);
  if (read) {
    const [disabled] = await db.update(mailboxes).set({ enabled: false }).where(eq(mailboxes.id, row.id)).returning();
    return { deleted: false, mailbox: mailboxView(disabled!) };
  }
  await db.delete(mailboxes).where(eq(mailboxes.id, row.id));
  return { deleted: true, mailbox: null };
}
