import { i18n } from '#i18n';
import { checkOperationAllowed, jobModeFor, MAX_BULK_TICKETS, OPERATION_MATRIX } from '../../core/rules/bulk-limits';
import { checkJobPermissions } from '../../core/rules/job-request';
import { visibleDepartmentIds, type AgentAccess } from '../../core/rules/permissions';
import { allOf } from '../../core/rules/verdict';
import type { JobCreate, JobMode, Operation } from '../../core/schemas/job';
import type { View } from '../../core/schemas/view';
import { countText } from './plural';
import { verdictReason } from './refusal-text';

/** "All tickets in this view": the view and how many tickets it held when it was selected. */
export interface ViewSelection {
  view: View;
  total: number;
}

/** A view of up to 50 tickets runs as a bulk job, a bigger one as a mass job (R-BULK-1). */
export function modeOf(selection: ViewSelection): JobMode {
  const decided = jobModeFor(selection.total, 'view');
  return decided.ok ? decided.mode : 'mass';
}

/** The departments a job over the view checks permissions in: its own, or every visible one for "all departments". */
export const departmentsOfView = (view: View, access: AgentAccess): number[] => (view.departmentId === null ? visibleDepartmentIds(access) : [view.departmentId]);

/**
 * Why an operation cannot run on every ticket of the view, or null: the core rules the backend
 * applies again on submit (R-BULK-2 in the view's mode, R-PERM-5 with ticket.mass_action for mass).
 */
export function massBlockedReason(operation: Operation, selection: ViewSelection, access: AgentAccess): string | null {
  const { view } = selection;
  const mode = modeOf(selection);
  // "Select all" on a small view is a bulk action (R-BULK-1); the core wording ("cannot run on a bulk
  // selection; use a mass action over a view") reads as nonsense to an agent who just did use a view.
  if (mode === 'bulk' && !OPERATION_MATRIX[operation].bulk) {
    return countText('mass.smallViewIsBulk', selection.total, i18n.t(`jobs.op.${operation}`), MAX_BULK_TICKETS);
  }
  const verdict = allOf(checkOperationAllowed(operation, mode, view.kind === 'all_departments'), checkJobPermissions(access, operation, mode, departmentsOfView(view, access)));
  return verdictReason(verdict);
}

export function massJobFor(operation: Operation, selection: ViewSelection, payload: Record<string, unknown>): JobCreate {
  return { operation, payload, viewId: selection.view.id, departmentId: selection.view.departmentId ?? 'all' } as JobCreate;
}
