import { asc, inArray } from 'drizzle-orm';
import type { AttachmentInfo, Thread } from '../../core/schemas/thread';
import type { Db } from '../db/client';
import { attachments } from '../db/schema';
import type { ThreadRow } from '../db/rows';

/** Every listed thread's attachments in one query, without their content (which can be megabytes each). */
export async function attachmentsOfThreads(db: Db, threadIds: number[]): Promise<Map<number, AttachmentInfo[]>> {
  const byThread = new Map<number, AttachmentInfo[]>();
  if (threadIds.length === 0) return byThread;
  const rows = await db
    .select({ id: attachments.id, threadId: attachments.threadId, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size })
    .from(attachments)
    .where(inArray(attachments.threadId, threadIds))
    .orderBy(asc(attachments.id));
  for (const { threadId, ...info } of rows) byThread.set(threadId, [...(byThread.get(threadId) ?? []), info]);
  return byThread;
}

/** Threads as the API shows them: ISO times and their attachments' descriptions. */
export async function toThreads(db: Db, rows: ThreadRow[]): Promise<Thread[]> {
  const attachmentsOf = await attachmentsOfThreads(
    db,
    rows.map((t) => t.id),
  );
  return rows.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), attachments: attachmentsOf.get(t.id) ?? [] }) as Thread);
}
