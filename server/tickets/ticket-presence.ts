import { and, asc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import { PRESENCE_TTL_SECONDS, type PresenceList, type PresenceState } from '../../core/schemas/presence';
import type { Db } from '../db/client';
import { agents, ticketPresence } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { getVisibleTicket } from './ticket-query';

/*
 * Collision detection (issue 22, item 9). Presence lives in the database so that every backend
 * instance behind a load balancer sees the same agents; the database clock (now()) decides expiry,
 * so instances with drifting clocks agree too. Only an agent who may see the ticket (ticket.view
 * in its department, as GET /tickets/:id) may post or read its presence.
 */

const expiry = sql`now() + make_interval(secs => ${PRESENCE_TTL_SECONDS})`;

/** The other agents whose heartbeat on the ticket has not run out, longest present first. */
async function othersOn(db: Db, ticketId: number, self: number): Promise<PresenceList> {
  const rows = await db
    .select({ agentId: ticketPresence.agentId, name: agents.name, state: ticketPresence.state, since: ticketPresence.since })
    .from(ticketPresence)
    .innerJoin(agents, eq(agents.id, ticketPresence.agentId))
    .where(and(eq(ticketPresence.ticketId, ticketId), ne(ticketPresence.agentId, self), gt(ticketPresence.expiresAt, sql`now()`)))
    .orderBy(asc(ticketPresence.since), asc(ticketPresence.agentId));
  return { items: rows.map((r) => ({ ...r, state: r.state as PresenceState, since: r.since.toISOString() })) };
}

/** Renews the caller's heartbeat; `since` stays while the state does, and starts over after a change or a lapse. */
export async function beatPresence(db: Db, auth: AuthContext, ticketId: number, state: PresenceState): Promise<PresenceList> {
  const ticket = await getVisibleTicket(db, auth.access, ticketId);
  // Long-expired rows of any ticket go here rather than in a timer (nothing runs while nobody is in a
  // panel); the minute of grace keeps the sweep off rows whose agents are renewing them right now.
  await db.delete(ticketPresence).where(lte(ticketPresence.expiresAt, sql`now() - interval '1 minute'`));
  await db
    .insert(ticketPresence)
    .values({ ticketId: ticket.id, agentId: auth.agent.id, state, expiresAt: expiry })
    .onConflictDoUpdate({
      target: [ticketPresence.ticketId, ticketPresence.agentId],
      set: {
        state,
        since: sql`case when ${ticketPresence.state} = excluded.state then ${ticketPresence.since} else now() end`,
        expiresAt: expiry,
      },
    });
  return othersOn(db, ticket.id, auth.agent.id);
}

export async function listPresence(db: Db, auth: AuthContext, ticketId: number): Promise<PresenceList> {
  const ticket = await getVisibleTicket(db, auth.access, ticketId);
  return othersOn(db, ticket.id, auth.agent.id);
}

/** The panel closed or moved on: the caller is gone at once rather than after the heartbeat runs out. */
export async function leavePresence(db: Db, auth: AuthContext, ticketId: number): Promise<PresenceList> {
  const ticket = await getVisibleTicket(db, auth.access, ticketId);
  await db.delete(ticketPresence).where(and(eq(ticketPresence.ticketId, ticket.id), eq(ticketPresence.agentId, auth.agent.id)));
  return othersOn(db, ticket.id, auth.agent.id);
}
