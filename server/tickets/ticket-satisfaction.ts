import { asc, eq, inArray } from 'drizzle-orm';
import type { Rating, TicketSatisfaction } from '../../core/schemas/satisfaction';
import type { Db } from '../db/client';
import type { TicketRow } from '../db/rows';
import { contacts, satisfactionRatings } from '../db/schema';
import { withMergedAway } from '../merge/merged-away';

/** R-CC-8: what the customer and the secondary contacts rated, oldest first. */
export async function ticketSatisfaction(db: Db, ticket: TicketRow): Promise<TicketSatisfaction> {
  // A merged-away ticket's ratings still speak about this conversation (R-MERGE-9).
  const ticketIds = await withMergedAway(db, ticket.id);
  const rows = await db
    .select({ rating: satisfactionRatings, name: contacts.name, email: contacts.email })
    .from(satisfactionRatings)
    .innerJoin(contacts, eq(contacts.id, satisfactionRatings.contactId))
    .where(inArray(satisfactionRatings.ticketId, ticketIds))
    .orderBy(asc(satisfactionRatings.ratedAt));
  return {
    ticketId: ticket.id,
    ratings: rows.map(({ rating, name, email }) => ({
      contactId: rating.contactId,
      name,
      email,
      rating: rating.rating as Rating,
      comment: rating.comment,
      ratedAt: rating.ratedAt.toISOString(),
    })),
  };
}
