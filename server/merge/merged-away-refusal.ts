import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tickets } from '../db/schema';
import { conflict } from '../http/api-failure';

/**
 * A merged-away ticket takes no edits: the 409 names its primary by number, as agents know it
 * (the id stays in `details.mergedIntoId` for the extension to follow).
 */
export async function refuseMergedAway(db: Db, ticket: { number: number; mergedIntoId: number | null }, instead: string): Promise<void> {
  if (ticket.mergedIntoId === null) return;
  const [primary] = await db.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, ticket.mergedIntoId));
  const into = primary ? `#${primary.number}` : 'another ticket';
  throw conflict(`Ticket #${ticket.number} was merged into ${into}; ${instead.replace('$primary', into)}.`, { mergedIntoId: ticket.mergedIntoId });
}
