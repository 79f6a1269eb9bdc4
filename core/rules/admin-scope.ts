import type { Role, RoleKind } from '../schemas/role';
import { departmentLabel, hasPermission, type AgentAccess } from './permissions';
import { OK, violation, type Verdict } from './verdict';

/**
 * Who may administer what (R-PERM-1/5): settings.manage is held per department, so an admin of one
 * department manages that department's share of roles, people and teams, and nothing beyond it.
 */

/** The departments whose settings the agent may change. */
export function managedDepartmentIds(access: AgentAccess): number[] {
  return access.departments.filter((d) => d.permissions.includes('settings.manage')).map((d) => d.departmentId);
}

/** R-PERM-5: the admin console's lists (roles, agents) need settings.manage somewhere. */
export function checkManagesSomeDepartment(access: AgentAccess): Verdict {
  if (managedDepartmentIds(access).length > 0) return OK;
  return violation('R-PERM-5', 'You need the permission settings.manage in at least one department (ask an admin to grant it to your role).');
}

/**
 * R-PERM-5: settings.manage in every one of these departments, and in at least one at all. Used
 * for whatever reaches across departments: an agent (their name, activity and tokens give access
 * everywhere they work) and a role (its permissions in each department). `reason` says why each
 * department matters, e.g. "agent Ann works there".
 */
export function checkManagesEvery(access: AgentAccess, departmentIds: readonly number[], reason: string): Verdict {
  if (departmentIds.length === 0) return checkManagesSomeDepartment(access);
  const missing = departmentIds.filter((id) => !hasPermission(access, 'settings.manage', id));
  if (missing.length === 0) return OK;
  const names = missing.map((id) => departmentLabel(access, id)).join(', ');
  return violation(
    'R-PERM-5',
    `You need the permission settings.manage in department${missing.length === 1 ? '' : 's'} ${names}: ${reason}.`,
  );
}

/**
 * Whether the agent may change another agent and their tokens: only when they manage every
 * department that agent works in, so a department admin cannot mint a token with wider access.
 */
export function canManageAgent(access: AgentAccess, targetDepartmentIds: readonly number[]): boolean {
  return checkManagesEvery(access, targetDepartmentIds, 'the agent works there').ok;
}

/** R-PERM-5: a new department is the whole organisation's concern, so only a holder of an admin role creates one. */
export function checkMayCreateDepartment(heldRoleKinds: readonly RoleKind[]): Verdict {
  if (heldRoleKinds.includes('admin')) return OK;
  return violation('R-PERM-5', 'Only an admin can create a department: you need the admin role in at least one department.');
}

/** A role as one admin sees it: its permissions in the departments they manage only. */
export function scopeRole(role: Role, managed: readonly number[]): Role {
  return { ...role, departments: role.departments.filter((d) => managed.includes(d.departmentId)) };
}

/** The ids a team may not hold: anyone who is not an active member of the team's department. */
export function ineligibleMembers(memberIds: readonly number[], eligible: ReadonlySet<number>): number[] {
  return [...new Set(memberIds)].filter((id) => !eligible.has(id));
}
