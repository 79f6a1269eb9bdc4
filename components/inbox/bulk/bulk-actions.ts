import { checkOperationAllowed, jobModeFor } from '../../../core/rules/bulk-limits';
import { checkJobPermissions } from '../../../core/rules/job-request';
import type { AgentAccess } from '../../../core/rules/permissions';
import { checkTicketActionable } from '../../../core/rules/ticket-state';
import type { JobCreate, Operation } from '../../../core/schemas/job';
import type { TicketSummary } from '../../../core/schemas/messages';
import type { View } from '../../../core/schemas/view';
import { checkViewAllowsJob } from '../../../core/rules/view-scope';
import { verdictReason } from '../../shared/refusal-text';

/** The operations the in-page bar offers on a selection; the rest live in the ticket views. */
export const BAR_OPERATIONS = ['assign', 'update_field', 'close', 'spam', 'delete'] as const satisfies readonly Operation[];
export type BarOperation = (typeof BAR_OPERATIONS)[number];

const departmentsOf = (tickets: TicketSummary[]) => [...new Set(tickets.map((t) => t.departmentId))];

/**
 * The view the bar shows beside the selection, when the selection can act from it: a view of the
 * selection's one department, or the all-departments view. The backend then applies R-BULK-4/5/7 to it.
 */
export function selectionView(tickets: TicketSummary[], view: View | null): View | null {
  if (view === null) return null;
  if (view.kind === 'all_departments') return view;
  const departments = departmentsOf(tickets);
  return departments.length === 1 && view.departmentId === departments[0] ? view : null;
}

/**
 * Why an operation cannot run on this selection, or null: the same core rules the backend applies
 * (R-BULK-1, R-BULK-2 — a mixed-department selection counts as the all-departments view — R-PERM-5).
 */
export function blockedReason(operation: Operation, tickets: TicketSummary[], access: AgentAccess, shownView: View | null = null): string | null {
  if (tickets.length === 0) return null;
  const mode = jobModeFor(tickets.length, 'selection');
  if (!mode.ok) return verdictReason(mode);
  const departments = departmentsOf(tickets);
  const view = selectionView(tickets, shownView);
  const allDepartments = departments.length > 1 || view?.kind === 'all_departments';
  const verdicts = [
    ...(view ? [checkViewAllowsJob(view, 'bulk')] : []),
    checkOperationAllowed(operation, 'bulk', allDepartments),
    checkJobPermissions(access, operation, 'bulk', departments),
  ];
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

/** The job for a selection: started from the view shown beside it, else its department, or all departments when mixed. */
export function jobFor(operation: BarOperation, tickets: TicketSummary[], payload: Record<string, unknown>, shownView: View | null = null): JobCreate {
  const departments = departmentsOf(tickets);
  const view = selectionView(tickets, shownView);
  const departmentId = view ? (view.departmentId ?? 'all') : departments.length === 1 ? departments[0]! : 'all';
  return { operation, payload, ticketIds: tickets.map((t) => t.id), departmentId, ...(view ? { viewId: view.id } : {}) } as JobCreate;
}
