import type { Violation } from '../schemas/error';
import type { JobMode, Operation } from '../schemas/job';
import { departmentLabel, hasPermission } from './permissions';
import type { AgentAccess } from './permissions';
import { phrase, refusal, type Phrase } from '../refusals/refusal';
import { OK, verdictOf, violation } from './verdict';
import type { Verdict } from './verdict';

/** R-BULK-1 */
export const MAX_BULK_TICKETS = 50;
/** R-BULK-1 */
export const MAX_MASS_TICKETS = 200_000;
/** R-BULK-6 */
export const MAX_ACTIVE_JOBS_PER_USER = 11;

/** R-BULK-2, copied row by row from the table in RULES.md. */
export const OPERATION_MATRIX: Readonly<Record<Operation, { bulk: boolean; mass: boolean; allDepartments: boolean }>> = Object.freeze({
  assign: { bulk: true, mass: true, allDepartments: false },
  update_field: { bulk: true, mass: true, allDepartments: true },
  reply: { bulk: true, mass: false, allDepartments: false },
  comment: { bulk: true, mass: false, allDepartments: false },
  merge: { bulk: true, mass: false, allDepartments: false },
  close: { bulk: true, mass: false, allDepartments: true },
  delete: { bulk: true, mass: true, allDepartments: true },
  move: { bulk: false, mass: true, allDepartments: false },
  spam: { bulk: true, mass: false, allDepartments: true },
  macro: { bulk: true, mass: false, allDepartments: false },
  remove_blueprint: { bulk: true, mass: true, allDepartments: true },
  update_resolution: { bulk: true, mass: true, allDepartments: true },
});

/** How an operation is named to agents, as RULES.md names it (the catalogue's `op.*`, in their language). */
export const operationName = (operation: Operation): Phrase => phrase(`op.${operation}`, {});

const formatCount = (n: number): string => n.toLocaleString('en-US');

/** R-BULK-1: a selection runs as bulk; "all tickets in this view" runs as bulk or mass by size. */
export function jobModeFor(count: number, source: 'selection' | 'view'): { ok: true; mode: JobMode } | { ok: false; violations: Violation[] } {
  // Written as !(count >= 1) so that NaN is refused too.
  if (!(count >= 1)) return refuse(refusal('R-BULK-1', 'bulk.selectOne', {}));
  if (count <= MAX_BULK_TICKETS) return { ok: true, mode: 'bulk' };
  if (source === 'selection') {
    return refuse(refusal('R-BULK-1', 'bulk.selectionTooLarge', { count: formatCount(count), max: MAX_BULK_TICKETS }));
  }
  if (count > MAX_MASS_TICKETS) {
    return refuse(refusal('R-BULK-1', 'bulk.viewTooLarge', { count: formatCount(count), max: formatCount(MAX_MASS_TICKETS) }));
  }
  return { ok: true, mode: 'mass' };
}

function refuse(v: Violation): { ok: false; violations: Violation[] } {
  return { ok: false, violations: [v] };
}

/** R-BULK-2: whether the operation may run in this mode and this view. */
export function checkOperationAllowed(operation: Operation, mode: JobMode, allDepartments: boolean): Verdict {
  const allowed = OPERATION_MATRIX[operation];
  const label = operationName(operation);
  const violations: Violation[] = [];
  if (mode === 'bulk' && !allowed.bulk) {
    violations.push(refusal('R-BULK-2', 'bulk.notBulk', { operation: label }));
  }
  if (mode === 'mass' && !allowed.mass) {
    violations.push(refusal('R-BULK-2', 'bulk.notMass', { operation: label, max: MAX_BULK_TICKETS }));
  }
  if (allDepartments && !allowed.allDepartments) {
    violations.push(refusal('R-BULK-2', 'bulk.notAllDepartments', { operation: label }));
  }
  return verdictOf(violations);
}

/** R-BULK-3: a move needs somewhere else to go and the right to take tickets out and put them in. */
export function checkMove(input: { departmentCount: number; sourceDepartmentId: number; targetDepartmentId: number; access: AgentAccess }): Verdict {
  const { departmentCount, sourceDepartmentId, targetDepartmentId, access } = input;
  if (departmentCount < 2) {
    return violation('R-BULK-3', 'move.needsTwo', {});
  }
  const target = departmentLabel(access, targetDepartmentId);
  if (sourceDepartmentId === targetDepartmentId) {
    return violation('R-BULK-3', 'move.sameDepartment', { department: target });
  }
  const sides: [number, 'move.needsPermissionOut' | 'move.needsPermissionIn'][] = [
    [sourceDepartmentId, 'move.needsPermissionOut'],
    [targetDepartmentId, 'move.needsPermissionIn'],
  ];
  return verdictOf(
    sides
      .filter(([departmentId]) => !hasPermission(access, 'ticket.move', departmentId))
      .map(([departmentId, key]) => refusal('R-BULK-3', key, { department: departmentLabel(access, departmentId) })),
  );
}

/** R-BULK-6: activeJobs counts the user's jobs already queued or running. */
export function checkUserJobLimit(activeJobs: number): Verdict {
  if (activeJobs < MAX_ACTIVE_JOBS_PER_USER) return OK;
  return violation('R-BULK-6', 'jobs.userLimit', { count: activeJobs, max: MAX_ACTIVE_JOBS_PER_USER });
}

/** R-BULK-7: activeJobsOnView counts jobs already queued or running on the same view. */
export function checkOneJobPerView(activeJobsOnView: number, viewName?: string): Verdict {
  if (activeJobsOnView < 1) return OK;
  if (viewName === undefined) return violation('R-BULK-7', 'jobs.onThisView', {});
  return violation('R-BULK-7', 'jobs.onView', { view: viewName });
}
