import { asc, eq } from 'drizzle-orm';
import * as contracts from '../../core/contracts';
import { toThreads } from '../attachments/thread-attachments';
import { toComment } from '../tickets/comment-rows';
import { comments, threads, ticketHistory } from '../db/schema';
import type { Api } from '../http/route';
import { createTicket } from '../tickets/ticket-create';
import { patchTicket } from '../tickets/ticket-patch';
import { getVisibleTicket, listTickets } from '../tickets/ticket-query';
import { toTickets } from '../tickets/ticket-rows';

export function ticketRoutes(api: Api) {
  api.add(
    contracts.tickets.list,
    ({ db, auth, query }) => listTickets(db, auth.access, query),
  );
  api.add(
    contracts.tickets.create,
    ({ db, auth, body }) => createTicket(db, auth, body),
  );
  api.add(
    contracts.tickets.get,
    async ({ db, auth, params }) => (await toTickets(db, [await getVisibleTicket(db, auth.access, params.id)]))[0]!,
  );
  api.add(
    contracts.tickets.update,
    ({ db, auth, params, body }) => patchTicket(db, auth, params.id, body),
  );
  api.add(
    contracts.tickets.timeline,
    async ({ db, auth, params }) => {
      const ticket = await getVisibleTicket(db, auth.access, params.id);
      const [threadRows, commentRows] = await Promise.all([
        db.select().from(threads).where(eq(threads.ticketId, ticket.id)).orderBy(asc(threads.createdAt), asc(threads.id)),
        db.select().from(comments).where(eq(comments.ticketId, ticket.id)).orderBy(asc(comments.createdAt), asc(comments.id)),
      ]);
      return {
        threads: await toThreads(db, threadRows),
        comments: commentRows.map(toComment),
      };
    },
  );
  api.add(
    contracts.tickets.history,
    async ({ db, auth, params }) => {
      const ticket = await getVisibleTicket(db, auth.access, params.id);
      const rows = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, ticket.id)).orderBy(asc(ticketHistory.createdAt), asc(ticketHistory.id));
      return { items: rows.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })) };
    },
  );
}
