import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Rating } from '../../core/schemas/satisfaction';
import type { Db } from '../db/client';
import { satisfactionRatings, threads } from '../db/schema';
import type { SatisfactionRatingRow, TicketRow } from '../db/rows';

export const RatingForm = z.object({ rating: Rating, comment: z.string().trim().max(2000).default('') });

/** R-CC-8: satisfaction is asked for once support has answered, or once the ticket is closed. */
export async function mayRate(db: Db, ticket: TicketRow): Promise<boolean> {
  if (ticket.status === 'closed') return true;
  const [reply] = await db
    .select({ id: threads.id })
    .from(threads)
    .where(and(eq(threads.ticketId, ticket.id), eq(threads.direction, 'out')))
    .limit(1);
  return reply !== undefined;
}

export async function ratingOf(db: Db, ticketId: number, contactId: number): Promise<SatisfactionRatingRow | null> {
  const [row] = await db
    .select()
    .from(satisfactionRatings)
    .where(and(eq(satisfactionRatings.ticketId, ticketId), eq(satisfactionRatings.contactId, contactId)));
  return row ?? null;
}

/** Each follower has one rating per ticket; rating again replaces it (R-CC-8). */
export async function rate(db: Db, input: { ticketId: number; contactId: number; rating: Rating; comment: string }): Promise<void> {
  await db
    .insert(satisfactionRatings)
    .values(input)
    .onConflictDoUpdate({
      target: [satisfactionRatings.ticketId, satisfactionRatings.contactId],
      set: { rating: input.rating, comment: input.comment, ratedAt: sql`now()` },
    });
}
