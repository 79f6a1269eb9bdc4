import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { attachments, threads } from '../db/schema';
import { notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { getVisibleTicket } from '../tickets/ticket-query';

/** A kept attachment's name and bytes, for an agent who may view its ticket (404 otherwise, as for the ticket). */
export async function visibleAttachment(db: Db, auth: AuthContext, id: number): Promise<{ filename: string; content: Buffer }> {
  const [row] = await db
    .select({ filename: attachments.filename, content: attachments.content, ticketId: threads.ticketId })
    .from(attachments)
    .innerJoin(threads, eq(threads.id, attachments.threadId))
    .where(eq(attachments.id, id));
  if (!row) throw notFound(`Attachment ${id}`);
  await getVisibleTicket(db, auth.access, row.ticketId);
  return row;
}
