import { eq } from 'drizzle-orm';
import { checkPermission } from '../../core/rules/permissions';
import type { Db } from '../db/client';
import { mailboxes } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';

/** A mailbox the agent may configure (settings.manage in its department, R-PERM-1/5): 404 when missing, 403 otherwise. */
export async function managedMailbox(db: Db, auth: AuthContext, id: number) {
  const [row] = await db.select().from(mailboxes).where(eq(mailboxes.id, id));
  if (!row) throw notFound(`Mailbox ${id}`);
  enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
  return row;
}
