import type { View, ViewKind } from '../schemas/view';
import { checkPermission, type AgentAccess } from './permissions';
import type { Verdict } from './verdict';

/** R-BULK-4: how long a view may go unused before it counts as archived, unless the department sets its own period. */
export const DEFAULT_VIEW_ARCHIVE_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The kind R-BULK-4/5 judge a view by: a normal view nobody has opened, counted or run a job on for
 * the department's period is archived (the seeded "Archived" view is archived by kind).
 */
export function effectiveViewKind(view: Pick<View, 'kind' | 'lastUsedAt'>, now: Date, archiveDays = DEFAULT_VIEW_ARCHIVE_DAYS): ViewKind {
  if (view.kind !== 'normal') return view.kind;
  return now.getTime() - Date.parse(view.lastUsedAt) > archiveDays * DAY_MS ? 'archived' : 'normal';
}

/** Who sees a view: its owner, or everyone who sees the department's tickets when it is shared. */
export function canSeeView(access: AgentAccess, agentId: number, view: Pick<View, 'departmentId' | 'ownerAgentId'>): boolean {
  if (view.ownerAgentId !== null && view.ownerAgentId !== agentId) return false;
  return view.departmentId === null || checkPermission(access, 'ticket.view', view.departmentId).ok;
}

/** R-PERM-5: an agent keeps views of departments they see; a shared view is a department setting (settings.manage). */
export function checkViewWrite(access: AgentAccess, view: { departmentId: number; shared: boolean }): Verdict {
  const sees = checkPermission(access, 'ticket.view', view.departmentId);
  if (!sees.ok || !view.shared) return sees;
  return checkPermission(access, 'settings.manage', view.departmentId);
}

/** The seeded views carry the kinds R-BULK-4 is defined by; only normal views are agents' to rename, refilter or delete. */
export const isSystemView = (view: Pick<View, 'kind' | 'departmentId'>): boolean => view.kind !== 'normal' || view.departmentId === null;
