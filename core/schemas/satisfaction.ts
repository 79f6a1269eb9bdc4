import { z } from 'zod';
import { Id, Timestamp } from './common';

/** R-CC-8: how a customer or secondary contact rated the ticket's handling. */
export const Rating = z.enum(['good', 'bad']);
export type Rating = z.infer<typeof Rating>;

export const SatisfactionRating = z.object({
  contactId: Id,
  name: z.string(),
  email: z.string().nullable(),
  rating: Rating,
  comment: z.string(),
  ratedAt: Timestamp,
});

export const TicketSatisfaction = z.object({ ticketId: Id, ratings: z.array(SatisfactionRating) }).meta({ id: 'TicketSatisfaction' });
export type TicketSatisfaction = z.infer<typeof TicketSatisfaction>;
