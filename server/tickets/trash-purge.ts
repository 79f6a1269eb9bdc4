import { and, asc, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { TRASH_DAYS } from '../../core/schemas/admin';
import type { Db } from '../db/client';
import { attachments, comments, jobItems, replyRecipients, satisfactionRatings, ticketHistory, tickets, threads } from '../db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Tickets per transaction: short transactions keep PGlite's one connection free for requests (DESIGN.md "Set-based SQL"). */
const BATCH = 5_000;

/** One array parameter instead of one parameter per id (PostgreSQL allows 65,535 per statement). */
const anyOf = (column: PgColumn, ids: number[]): SQL => sql`${column} = any(${sql.param(ids)}::bigint[])`;

/**
 * Expired, and not a merged-away ticket whose primary is kept: the primary still shows its ratings
 * and history, and its people follow it to the primary in the help center (R-MERGE-9). It goes
 * with its primary, or once that is gone.
 */
function expired(cutoff: Date): SQL {
  return and(
    lt(tickets.trashedAt, cutoff),
    or(
      isNull(tickets.mergedIntoId),
      sql`not exists (select 1 from ${tickets} p where p.id = ${tickets.mergedIntoId} and (p.trashed_at is null or p.trashed_at >= ${cutoff.toISOString()}::timestamptz))`,
    ),
  )!;
}

/**
 * Deletes up to BATCH expired tickets with their rows. The tickets are locked first, so a restore
 * racing the purge either wins (the ticket is no longer expired and stays) or waits and finds it gone.
 * Webmail links and follow-up tasks go with the ticket through ON DELETE CASCADE.
 */
async function purgeBatch(db: Db, cutoff: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.select({ id: tickets.id }).from(tickets).where(expired(cutoff)).orderBy(asc(tickets.id)).limit(BATCH).for('update');
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return 0;
    await tx.delete(attachments).where(inArray(attachments.threadId, tx.select({ id: threads.id }).from(threads).where(anyOf(threads.ticketId, ids))));
    await tx.delete(threads).where(anyOf(threads.ticketId, ids));
    await tx.delete(comments).where(anyOf(comments.ticketId, ids));
    await tx.delete(ticketHistory).where(anyOf(ticketHistory.ticketId, ids));
    await tx.delete(jobItems).where(anyOf(jobItems.ticketId, ids));
    await tx.delete(replyRecipients).where(anyOf(replyRecipients.ticketId, ids));
    await tx.delete(satisfactionRatings).where(anyOf(satisfactionRatings.ticketId, ids));
    await tx.delete(tickets).where(anyOf(tickets.id, ids));
    return ids.length;
  });
}

/**
 * R-BULK-11: purges every ticket trashed more than 60 days before `now`, except merged-away ones
 * its primary still shows (they leave the trash list then, see trash.ts); answers how many went.
 */
export async function purgeTrash(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * DAY_MS);
  let purged = 0;
  for (;;) {
    const batch = await purgeBatch(db, cutoff);
    purged += batch;
    if (batch < BATCH) return purged;
  }
}
