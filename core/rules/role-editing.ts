import type { Permission, Role, RoleKind } from '../schemas/role';
import { ALL_PERMISSIONS, checkRolePermissions, normalizePermissions } from './permissions';
import { violation, type Verdict } from './verdict';

/** The rule that keeps a permission box from being changed, when one does. */
export type PermissionLock = 'R-PERM-3' | 'R-PERM-4';

/** R-PERM-3: the admin role holds every permission in every department, so its column is never edited. */
export const isFixedRole = (kind: RoleKind): boolean => kind === 'admin';

/** What a role grants in one department, as the matrix shows it. */
export function rolePermissionsIn(role: Pick<Role, 'kind' | 'departments'>, departmentId: number): Permission[] {
  if (isFixedRole(role.kind)) return [...ALL_PERMISSIONS];
  return normalizePermissions(role.departments.find((d) => d.departmentId === departmentId)?.permissions ?? []);
}

/** Why this box cannot be changed right now, or null when it can. */
export function permissionLock(kind: RoleKind, granted: readonly Permission[], permission: Permission): PermissionLock | null {
  if (isFixedRole(kind)) return 'R-PERM-3';
  // R-PERM-4: bulk reply can only be ticked once send_email is.
  if (permission === 'ticket.bulk_reply' && !granted.includes('ticket.send_email')) return 'R-PERM-4';
  return null;
}

type Refused = Extract<Verdict, { ok: false }>;
export type RoleEdit = { ok: true; permissions: Permission[]; dropped: Permission[] } | Refused;

/**
 * One box ticked or unticked: the permission set to save, and what the rules took away with it
 * (R-PERM-4: unticking send_email unticks bulk_reply).
 */
export function editRolePermissions(kind: RoleKind, current: readonly Permission[], permission: Permission, granted: boolean): RoleEdit {
  if (isFixedRole(kind)) {
    return violation('R-PERM-3', 'perm.adminRoleFixed', {});
  }
  const base = normalizePermissions(current);
  const wanted = granted ? [...base, permission] : base.filter((p) => p !== permission);
  // R-PERM-4: ticking bulk reply alone is refused; unticking send_email takes bulk reply along instead.
  const verdict = granted ? checkRolePermissions(wanted) : { ok: true as const };
  if (!verdict.ok) return verdict;
  const permissions = normalizePermissions(wanted);
  return { ok: true, permissions, dropped: ALL_PERMISSIONS.filter((p) => wanted.includes(p) && !permissions.includes(p)) };
}
