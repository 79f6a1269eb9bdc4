import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tickets } from '../db/schema';

/**
 * A ticket and those merged into it (R-MERGE-7 R-MERGE-9). Merging repoints earlier merges at the
 * new primary, so one level finds them all. What the primary shows from these records (ratings,
 * history, who may follow it in the help center) stays on them; the trash purge keeps them as long
 * as their primary is kept (server/tickets/trash-purge.ts).
 */
export async function withMergedAway(db: Db, ticketId: number): Promise<number[]> {
  const merged = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.mergedIntoId, ticketId));
  return [ticketId, ...merged.map((m) => m.id)];
}
