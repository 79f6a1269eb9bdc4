import { asc, eq } from 'drizzle-orm';
import type { IngestedMessage, Mailbox, MailboxCreate, MailboxDeleteResult, MailboxPatch } from '../../core/schemas/mailbox';
import type { Db } from '../db/client';
import { mailboxes } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';
import { mailboxUpdate } from './mailbox-changes';
import { removeMailbox } from './mailbox-remove';
import { managedMailbox } from './mailbox-scope';
import { mailboxView } from './mailbox-view';
import { recentMessages } from './recent-messages';
import { guardSecret } from './secret-guard';
import { sealSecret } from '../secrets/stored-secrets';

/** Every mailbox of the department, oldest first; secrets stay on the server. */
export async function listMailboxes(db: Db, auth: AuthContext, departmentId: number): Promise<Mailbox[]> {
  await managedDepartment(db, auth, departmentId);
  const rows = await db.select().from(mailboxes).where(eq(mailboxes.departmentId, departmentId)).orderBy(asc(mailboxes.id));
  return rows.map(mailboxView);
}

export async function addMailbox(db: Db, auth: AuthContext, departmentId: number, body: MailboxCreate): Promise<Mailbox> {
  await managedDepartment(db, auth, departmentId);
  const [row] = await db
    .insert(mailboxes)
    .values({ ...body, secret: sealSecret(body.secret), departmentId })
    .returning();
  return mailboxView(row!);
}

export async function updateMailbox(db: Db, auth: AuthContext, id: number, patch: MailboxPatch): Promise<Mailbox> {
  const row = await managedMailbox(db, auth, id);
  guardSecret(row, patch);
  const [updated] = await db.update(mailboxes).set(mailboxUpdate(row, patch)).where(eq(mailboxes.id, row.id)).returning();
  return mailboxView(updated!);
}

export async function recentMessagesOf(db: Db, auth: AuthContext, id: number, limit: number): Promise<IngestedMessage[]> {
  const row = await managedMailbox(db, auth, id);
  return recentMessages(db, row.id, limit);
}

export async function removeManagedMailbox(db: Db, auth: AuthContext, id: number): Promise<MailboxDeleteResult> {
  return removeMailbox(db, await managedMailbox(db, auth, id));
}
