import { list, phrase } from '../../core/refusals/refusal';
import { eq } from 'drizzle-orm';
import { blueprintStates, checkBlueprintApply } from '../../core/rules/blueprint-rules';
import type { Blueprint } from '../../core/schemas/template';
import type { TicketStatus } from '../../core/schemas/ticket';
import { violation } from '../../core/rules/verdict';
import type { Db } from '../db/client';
import type { BlueprintRow, DepartmentRow } from '../db/rows';
import { blueprints } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';

// Transitions are only ever written through BlueprintCreate/BlueprintPatch, so they hold valid statuses.
const shapeOf = (row: BlueprintRow) => row as Blueprint;

async function loadBlueprint(db: Db, id: number): Promise<BlueprintRow | undefined> {
  const [row] = await db.select().from(blueprints).where(eq(blueprints.id, id));
  return row;
}

/** R-BULK-15 for PATCH blueprintId: the blueprint exists, is the ticket's department's, and the ticket's status is one of its states. */
export async function enforceBlueprintApply(db: Db, ticket: { id: number; number: number; departmentId: number; status: TicketStatus }, blueprintId: number) {
  const row = await loadBlueprint(db, blueprintId);
  if (!row) throw notFound(`Blueprint ${blueprintId}`);
  enforce(checkBlueprintApply(shapeOf(row), ticket));
  return row;
}

/**
 * The history entry of a blueprint an agent applied or removed, taken out of the patch's other
 * changes so the ticket's history says it in so many words. Null when the blueprint did not change.
 */
export function blueprintHistory(changes: Record<string, { from: unknown; to: unknown }>, applied: BlueprintRow | null) {
  const change = changes.blueprintId;
  if (!change) return null;
  delete changes.blueprintId;
  return applied ? { action: 'blueprint_applied', changes: { blueprintId: change, blueprint: applied.name } } : { action: 'blueprint_removed', changes: { blueprintId: change } };
}

/**
 * R-BULK-15: the blueprint a new ticket of the department starts under (its setting "apply to new
 * tickets"), for the API and incoming mail alike. A ticket whose first status is not one of the
 * blueprint's states is created without it — mail is never refused for it — and `skipped` says why.
 */
export async function newTicketBlueprint(db: Db, department: DepartmentRow, status: TicketStatus) {
  if (department.newTicketBlueprintId === null) return { blueprintId: null, history: {} };
  const row = await loadBlueprint(db, department.newTicketBlueprintId);
  if (!row) return { blueprintId: null, history: {} };
  const states = blueprintStates(shapeOf(row));
  if (!states.includes(status)) {
    return { blueprintId: null, history: { blueprintSkipped: { blueprint: row.name, reason: `R-BULK-15: ${status} is not one of its states (${states.join(', ')})` } } };
  }
  return { blueprintId: row.id, history: { blueprint: { id: row.id, name: row.name } } };
}

/** R-BULK-15: a department's blueprint for new tickets is its own, and new tickets start open, so it must have open as a state. */
export async function enforceNewTicketBlueprint(db: Db, department: DepartmentRow, blueprintId: number) {
  const row = await loadBlueprint(db, blueprintId);
  if (!row || row.departmentId !== department.id) throw notFound(`Blueprint ${blueprintId} of department ${department.name}`);
  const states = blueprintStates(shapeOf(row));
  if (states.includes('open')) return;
  enforce(violation('R-BULK-15', 'blueprint.newTicketsNeedOpen', { blueprint: row.name, states: list(states.map((s) => phrase(`status.${s}`, {}))) }));
}
