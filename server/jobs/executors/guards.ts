import { and, eq } from 'drizzle-orm';
import { checkBlueprintTransition } from '../../../core/rules/blueprint-rules';
import type { Blueprint } from '../../../core/schemas/template';
import type { TicketStatus } from '../../../core/schemas/ticket';
import type { Db } from '../../db/client';
import { blueprints, departments, memberships, teams } from '../../db/schema';
import { ItemFailure } from '../executor';
import type { TicketRow } from '../../db/rows';

/** R-BULK-15 per ticket: a status change must follow the ticket's blueprint, if it has one. */
export async function requireTransition(tx: Db, ticket: TicketRow, to: TicketStatus): Promise<void> {
  if (ticket.blueprintId === null) return;
  const [blueprint] = await tx.select().from(blueprints).where(eq(blueprints.id, ticket.blueprintId));
  if (!blueprint) return;
  const verdict = checkBlueprintTransition(blueprint as Pick<Blueprint, 'name' | 'transitions'>, ticket.status as TicketStatus, to, ticket);
  if (!verdict.ok) throw new ItemFailure(`${verdict.violations[0]!.rule}: ${verdict.violations[0]!.message}`);
}

async function departmentName(tx: Db, id: number) {
  const [row] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, id));
  return row?.name ?? String(id);
}

export async function requireMember(tx: Db, agentId: number, departmentId: number): Promise<void> {
  const [member] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.agentId, agentId), eq(memberships.departmentId, departmentId)));
  if (!member) throw new ItemFailure(`Agent ${agentId} is not a member of department ${await departmentName(tx, departmentId)}.`);
}

export async function requireTeamOf(tx: Db, teamId: number, departmentId: number): Promise<void> {
  const [team] = await tx.select().from(teams).where(eq(teams.id, teamId));
  if (team?.departmentId !== departmentId) throw new ItemFailure(`Team ${teamId} is not a team of department ${await departmentName(tx, departmentId)}.`);
}
