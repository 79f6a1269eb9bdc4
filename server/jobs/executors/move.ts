import { and, eq } from 'drizzle-orm';
import type { OperationPayload } from '../../../core/schemas/job';
import { departments, memberships, teams } from '../../db/schema';
import { ItemFailure, type Executor, type TicketSet } from '../executor';

/**
 * Moves one ticket (R-BULK-3 was checked at submit). What belongs to the old department goes: its
 * blueprint, and an assignee or team that is not part of the new one.
 */
export const move: Executor = async ({ tx, job, ticket }) => {
  const { departmentId } = job.payload as Extract<OperationPayload, { operation: 'move' }>['payload'];
  if (ticket.departmentId === departmentId) throw new ItemFailure('Already in that department.');
  const [target] = await tx.select().from(departments).where(eq(departments.id, departmentId));
  if (!target) throw new ItemFailure(`Department ${departmentId} no longer exists.`);
  if (ticket.secondaryContactIds.length > 0 && !target.features.cc) {
    throw new ItemFailure(`R-CC-1: department ${target.name} has secondary contacts (CC) off; remove this ticket's CCs first.`);
  }
  const set: TicketSet = { departmentId, blueprintId: null };
  if (ticket.assigneeAgentId !== null) {
    const [member] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.agentId, ticket.assigneeAgentId), eq(memberships.departmentId, departmentId)));
    if (!member) set.assigneeAgentId = null;
  }
  if (ticket.assigneeTeamId !== null) {
    const [team] = await tx.select().from(teams).where(eq(teams.id, ticket.assigneeTeamId));
    if (team?.departmentId !== departmentId) set.assigneeTeamId = null;
  }
  return { set, action: 'moved', changes: { departmentId: { from: ticket.departmentId, to: departmentId } } };
};
