import type { Violation } from '../schemas/error';
import type { JobMode, Operation } from '../schemas/job';
import { departmentLabel, hasPermission } from './permissions';
import type { AgentAccess } from './permissions';
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

/** How each operation is named to agents, as RULES.md names it. */
export const OPERATION_LABELS: Readonly<Record<Operation, string>> = Object.freeze({
  assign: 'Assign',
  update_field: 'Update a field',
  reply: 'Reply',
  comment: 'Comment',
  merge: 'Merge',
  close: 'Close',
  delete: 'Delete',
  move: 'Move',
  spam: 'Mark as spam',
  macro: 'Run a macro',
  remove_blueprint: 'Remove blueprint',
  update_resolution: 'Update resolution',
});

const formatCount = (n: number): string => n.toLocaleString('en-US');

/** R-BULK-1: a selection runs as bulk; "all tickets in this view" runs as bulk or mass by size. */
export function jobModeFor(count: number, source: 'selection' | 'view'): { ok: true; mode: JobMode } | { ok: false; violations: Violation[] } {
  // Written as !(count >= 1) so that NaN is refused too.
  if (!(count >= 1)) return refuse('Select at least one ticket.');
  if (count <= MAX_BULK_TICKETS) return { ok: true, mode: 'bulk' };
  if (source === 'selection') {
    return refuse(
      `You selected ${formatCount(count)} tickets; a bulk action runs on at most ${MAX_BULK_TICKETS}. Select fewer, or select all tickets in the view to run a mass action instead.`,
    );
  }
  if (count > MAX_MASS_TICKETS) {
    return refuse(
      `This view has ${formatCount(count)} tickets; a mass action runs on at most ${formatCount(MAX_MASS_TICKETS)} per run. Narrow the view's filter and run the action in parts.`,
    );
  }
  return { ok: true, mode: 'mass' };
}

function refuse(message: string): { ok: false; violations: Violation[] } {
  return { ok: false, violations: [{ rule: 'R-BULK-1', message }] };
}

/** R-BULK-2: whether the operation may run in this mode and this view. */
export function checkOperationAllowed(operation: Operation, mode: JobMode, allDepartments: boolean): Verdict {
  const allowed = OPERATION_MATRIX[operation];
  const label = OPERATION_LABELS[operation];
  const violations: Violation[] = [];
  if (mode === 'bulk' && !allowed.bulk) {
    violations.push({ rule: 'R-BULK-2', message: `${label} cannot run on a bulk selection; use a mass action over a view.` });
  }
  if (mode === 'mass' && !allowed.mass) {
    violations.push({
      rule: 'R-BULK-2',
      message: `${label} cannot run as a mass action; select at most ${MAX_BULK_TICKETS} tickets and run it as a bulk action.`,
    });
  }
  if (allDepartments && !allowed.allDepartments) {
    violations.push({
      rule: 'R-BULK-2',
      message: `${label} is not available in the all-departments view; open one department's view.`,
    });
  }
  return verdictOf(violations);
}

/** R-BULK-3: a move needs somewhere else to go and the right to take tickets out and put them in. */
export function checkMove(input: { departmentCount: number; sourceDepartmentId: number; targetDepartmentId: number; access: AgentAccess }): Verdict {
  const { departmentCount, sourceDepartmentId, targetDepartmentId, access } = input;
  if (departmentCount < 2) {
    return violation('R-BULK-3', 'Moving tickets needs at least two departments; create another department first.');
  }
  const target = departmentLabel(access, targetDepartmentId);
  if (sourceDepartmentId === targetDepartmentId) {
    return violation('R-BULK-3', `The tickets are already in department ${target}; choose a different department to move them to.`);
  }
  const sides: [number, string][] = [
    [sourceDepartmentId, 'to move tickets out of'],
    [targetDepartmentId, 'to move tickets into'],
  ];
  return verdictOf(
    sides
      .filter(([departmentId]) => !hasPermission(access, 'ticket.move', departmentId))
      .map(([departmentId, purpose]) => ({
        rule: 'R-BULK-3',
        message: `You need the permission ticket.move in department ${departmentLabel(access, departmentId)} ${purpose} it (ask an admin to grant it to your role).`,
      })),
  );
}

/** R-BULK-6: activeJobs counts the user's jobs already queued or running. */
export function checkUserJobLimit(activeJobs: number): Verdict {
  if (activeJobs < MAX_ACTIVE_JOBS_PER_USER) return OK;
  return violation(
    'R-BULK-6',
    `You already have ${activeJobs} jobs queued or running (at most ${MAX_ACTIVE_JOBS_PER_USER} at once); wait for one to finish or cancel a queued one.`,
  );
}

/** R-BULK-7: activeJobsOnView counts jobs already queued or running on the same view. */
export function checkOneJobPerView(activeJobsOnView: number, viewName?: string): Verdict {
  if (activeJobsOnView < 1) return OK;
  const view = viewName === undefined ? 'this view' : `the view "${viewName}"`;
  return violation('R-BULK-7', `A job is already queued or running on ${view}; wait for it to finish before starting another one there. Jobs on other views can start now.`);
}
