import { checkMerge, type MergeCandidate } from '../../../core/rules/merge-rules';
import type { AgentAccess } from '../../../core/rules/permissions';
import type { TicketSummary } from '../../../core/schemas/messages';
import { verdictReason } from '../../shared/refusal-text';

/**
 * Why these tickets cannot be merged by this agent, or null: the same core check the backend runs
 * (R-MERGE-1 ticket.merge, R-MERGE-2 two to five tickets of one department, R-MERGE-7 none merged
 * or trashed already), worded as the other bar operations word theirs.
 */
export function mergeBlockedReason(tickets: MergeCandidate[], access: AgentAccess): string | null {
  return verdictReason(checkMerge({ tickets, access }));
}

/**
 * R-MERGE-10: a contact's other tickets, those of the open ticket's department first (only they can
 * be merged with it, R-MERGE-2), each group keeping the backend's newest-first order.
 */
export function sameDepartmentFirst(tickets: TicketSummary[], departmentId: number): TicketSummary[] {
  return [...tickets.filter((t) => t.departmentId === departmentId), ...tickets.filter((t) => t.departmentId !== departmentId)];
}
