import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { ticketHistory, tickets } from '../db/schema';

/**
 * An agent taken out of a department can no longer see its tickets (R-PERM-5), so the live ones
 * assigned to them there become unassigned, where the team finds them, each with a history entry.
 */
export async function unassignLeaver(db: Db, agentId: number, departmentId: number, byAgentId: number): Promise<number> {
  const changed = await db
    .update(tickets)
    .set({ assigneeAgentId: null, version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(tickets.departmentId, departmentId), eq(tickets.assigneeAgentId, agentId), isNull(tickets.trashedAt), isNull(tickets.mergedIntoId)))
    .returning({ id: tickets.id });
  if (changed.length > 0) {
    await db
      .insert(ticketHistory)
      .values(
        changed.map(({ id }) => ({ ticketId: id, agentId: byAgentId, action: 'unassigned', changes: { assigneeAgentId: { from: agentId, to: null }, reason: 'left_department' } })),
      );
  }
  return changed.length;
}
