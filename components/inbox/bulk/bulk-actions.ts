import { checkOperationAllowed, jobModeFor } from '../../../core/rules/bulk-limits';
import { checkJobPermissions } from '../../../core/rules/job-request';
import type { AgentAccess } from '../../../core/rules/permissions';
import { checkTicketActionable } from '../../../core/rules/ticket-state';
import type { JobCreate, Operation } from '../../../core/schemas/job';
import type { TicketSummary } from '../../../core/schemas/messages';
import { verdictReason } from '../../shared/refusal-text';

/** The operations the in-page bar offers on a selection; the rest live in the ticket views. */
export const BAR_OPERATIONS = ['assign', 'close', 'spam', 'delete'] as const satisfies readonly Operation[];
export type BarOperation = (typeof BAR_OPERATIONS)[number];

const departmentsOf = (tickets: TicketSummary[]) => [...new Set(tickets.map((t) => t.departmentId))];

/**
 * Why an operation cannot run on this selection, or null: the same core rules the backend applies
 * (R-BULK-1, R-BULK-2 — a mixed-department selection counts as the all-departments view — R-PERM-5).
 */
export function blockedReason(operation: Operation, tickets: TicketSummary[], access: AgentAccess): string | null {
  if (tickets.length === 0) return null;
  const mode = jobModeFor(tickets.length, 'selection');
  if (!mode.ok) return verdictReason(mode);
  const departments = departmentsOf(tickets);
  const verdicts = [checkOperationAllowed(operation, 'bulk', departments.length > 1), checkJobPermissions(access, operation, 'bulk', departments)];
  for (const verdict of verdicts) if (!verdict.ok) return verdictReason(verdict);
  // The backend refuses these tickets one by one (R-BULK-4, R-BULK-11): say so before the agent asks.
  // A merged-away ticket is not among them: the job acts on its primary (R-MERGE-6).
  for (const ticket of tickets) {
    if (ticket.mergedIntoId !== null) continue;
    const refused = checkTicketActionable({ ...ticket, spam: ticket.spam ?? false }, operation);
    if (!refused.ok) return verdictReason(refused);
  }
  return null;
}

/** The job for a selection: started from its department's view, or the all-departments view when mixed. */
export function jobFor(operation: BarOperation, tickets: TicketSummary[], payload: Record<string, unknown>): JobCreate {
  const departments = departmentsOf(tickets);
  return {
    operation,
    payload,
    ticketIds: tickets.map((t) => t.id),
    departmentId: departments.length === 1 ? departments[0]! : 'all',
  } as JobCreate;
}
