import { asc, eq, inArray } from 'drizzle-orm';
import * as contracts from '../../core/contracts';
import type { Rating } from '../../core/schemas/satisfaction';
import { contacts, satisfactionRatings, tickets } from '../db/schema';
import type { Api } from '../http/route';
import { getVisibleTicket } from '../tickets/ticket-query';

/** R-CC-8: what the customer and the secondary contacts rated, for the agents. */
export function satisfactionRoutes(api: Api) {
  api.add(
    contracts.tickets.satisfaction,
    async ({ db, auth, params }) => {
      const ticket = await getVisibleTicket(db, auth.access, params.id);
      // A merged-away ticket's ratings still speak about this conversation (R-MERGE-9).
      const merged = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.mergedIntoId, ticket.id));
      const rows = await db
        .select({ rating: satisfactionRatings, name: contacts.name, email: contacts.email })
        .from(satisfactionRatings)
        .innerJoin(contacts, eq(contacts.id, satisfactionRatings.contactId))
        .where(inArray(satisfactionRatings.ticketId, [ticket.id, ...merged.map((m) => m.id)]))
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
    },
  );
}
