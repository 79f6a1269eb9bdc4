import type { Operation } from '../schemas/job';
import type { View } from '../schemas/view';
import { jobModeFor, OPERATION_MATRIX } from './bulk-limits';
import { allOf, OK, verdictOf } from './verdict';
import type { Verdict } from './verdict';
import { checkViewAllowsJob } from './view-scope';

/** R-BULK-2's mass column, in the table's order. */
export const MASS_OPERATIONS: readonly Operation[] = Object.freeze((Object.keys(OPERATION_MATRIX) as Operation[]).filter((op) => OPERATION_MATRIX[op].mass));

/** Mass operations that cannot be undone in one click: the agent types the ticket count back to confirm. */
export const TYPED_CONFIRMATION: readonly Operation[] = Object.freeze(['delete', 'move']);

/**
 * Whether "select all tickets in this view" may turn into a selection for a job over the view:
 * R-BULK-4/5 by the view, R-BULK-1 by the count (a view of 1–50 tickets runs as a bulk job, which
 * is fine; more than 200,000 is refused).
 */
export function checkSelectAll(view: Pick<View, 'kind' | 'filter' | 'name'>, total: number): Verdict {
  const counted = jobModeFor(total, 'view');
  const mode = counted.ok ? counted.mode : 'mass';
  return allOf(checkViewAllowsJob(view, mode), counted.ok ? OK : verdictOf(counted.violations));
}

/**
 * The count typed back matches the selection. Accepts the ways people write numbers: digit group
 * separators ("12,500", "12 500") and full-width digits from a Japanese IME ("１２５００").
 */
export function confirmationMatches(typed: string, total: number): boolean {
  const digits = typed
    .normalize('NFKC')
    .trim()
    .replace(/[\s,.'’_]/g, '');
  return /^\d+$/.test(digits) && Number(digits) === total;
}
