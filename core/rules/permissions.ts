import { Permission } from '../schemas/role';
import type { Department } from '../schemas/department';
import type { Membership, Role, RoleKind } from '../schemas/role';
import { phrase } from '../refusals/refusal';
import { allOf, OK, violation } from './verdict';
import type { Verdict } from './verdict';

/** R-PERM-2: every permission a role can grant, in the order the schema lists them. */
export const ALL_PERMISSIONS: readonly Permission[] = Object.freeze([...Permission.options]);

const ADMIN_ONLY: readonly Permission[] = ['ticket.bulk_reply', 'settings.manage'];
const AGENT_DEFAULTS: readonly Permission[] = ['ticket.view', 'ticket.edit', 'ticket.send_email', 'ticket.merge'];

/** The permission set a new role of this kind starts with in a department. */
export function defaultPermissions(kind: RoleKind): Permission[] {
  switch (kind) {
    case 'admin':
      return [...ALL_PERMISSIONS];
    case 'lead':
      // R-PERM-3: bulk reply is admin-only until an admin grants it to another role.
      return ALL_PERMISSIONS.filter((p) => !ADMIN_ONLY.includes(p));
    case 'agent':
      return [...AGENT_DEFAULTS];
    case 'custom':
      return [];
  }
}

/** Canonical form of a permission set: no duplicates, schema order, no orphaned bulk reply. */
export function normalizePermissions(perms: readonly Permission[]): Permission[] {
  const granted = new Set(perms);
  // R-PERM-4: bulk reply sends e-mail, so it cannot outlive send_email.
  if (!granted.has('ticket.send_email')) granted.delete('ticket.bulk_reply');
  return ALL_PERMISSIONS.filter((p) => granted.has(p));
}

/** Refuses saving a role whose permission set breaks R-PERM-4. */
export function checkRolePermissions(perms: readonly Permission[]): Verdict {
  // R-PERM-4
  if (perms.includes('ticket.bulk_reply') && !perms.includes('ticket.send_email')) {
    return violation('R-PERM-4', 'perm.bulkReplyNeedsSend', {});
  }
  return OK;
}

export interface AgentAccess {
  agentId: number;
  departments: { departmentId: number; departmentName?: string; permissions: Permission[] }[];
}

/**
 * R-PERM-1/2: what an agent may do, department by department, from the roles they hold.
 * Pass the departments to have messages name them instead of showing bare ids.
 */
export function resolveAccess(agentId: number, memberships: Membership[], roles: Role[], departments: Pick<Department, 'id' | 'name'>[] = []): AgentAccess {
  const rolesById = new Map(roles.map((r) => [r.id, r]));
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const byDepartment = new Map<number, Permission[]>();
  for (const m of memberships.filter((x) => x.agentId === agentId)) {
    // Two memberships in one department grant the union of their roles.
    const earlier = byDepartment.get(m.departmentId) ?? [];
    byDepartment.set(m.departmentId, [...earlier, ...roleGrantsIn(rolesById.get(m.roleId), m.departmentId)]);
  }
  return {
    agentId,
    departments: [...byDepartment].map(([departmentId, perms]) => {
      const departmentName = names.get(departmentId);
      const permissions = normalizePermissions(perms);
      return departmentName === undefined ? { departmentId, permissions } : { departmentId, departmentName, permissions };
    }),
  };
}

function roleGrantsIn(role: Role | undefined, departmentId: number): Permission[] {
  const entry = role?.departments.find((d) => d.departmentId === departmentId);
  return normalizePermissions(entry?.permissions ?? []);
}

export function permissionsIn(access: AgentAccess, departmentId: number): Permission[] {
  return access.departments.find((d) => d.departmentId === departmentId)?.permissions ?? [];
}

export function hasPermission(access: AgentAccess, permission: Permission, departmentId: number): boolean {
  return permissionsIn(access, departmentId).includes(permission);
}

/** How a department is named to the agent: its name when the access carries it, else its id. */
export function departmentLabel(access: AgentAccess, departmentId: number): string {
  const name = access.departments.find((d) => d.departmentId === departmentId)?.departmentName;
  return name ?? String(departmentId);
}

/** R-PERM-5: refuses an action in a department where the agent's role lacks the permission. */
export function checkPermission(access: AgentAccess, permission: Permission, departmentId: number): Verdict {
  if (hasPermission(access, permission, departmentId)) return OK;
  return violation('R-PERM-5', 'perm.missing', { permission, department: departmentLabel(access, departmentId) });
}

/** R-PERM-5: the departments whose tickets the agent may see at all. */
export function visibleDepartmentIds(access: AgentAccess): number[] {
  return access.departments.filter((d) => d.permissions.includes('ticket.view')).map((d) => d.departmentId);
}

/**
 * R-PERM-2/4: what an e-mail an agent causes needs in the ticket's department: ticket.send_email
 * always (a reply, a macro's reply), and ticket.bulk_reply too when it is a bulk reply.
 */
export function mailPermissions(bulk: boolean): Permission[] {
  return bulk ? ['ticket.send_email', 'ticket.bulk_reply'] : ['ticket.send_email'];
}

/** R-PERM-4: bulk_reply alone never sends; said first, so nobody grants it again without send_email. */
export function checkBulkReplySendsEmail(access: AgentAccess, departmentId: number): Verdict {
  if (hasPermission(access, 'ticket.send_email', departmentId)) return OK;
  return violation('R-PERM-4', 'perm.bulkReplyLacksSend', { department: departmentLabel(access, departmentId) });
}

/** R-PERM-5: refuses sending mail in a department, naming each missing permission (R-PERM-4 first for a bulk reply). */
export function checkMaySendMail(access: AgentAccess, departmentId: number, bulk: boolean): Verdict {
  const missing = allOf(...mailPermissions(bulk).map((p) => checkPermission(access, p, departmentId)));
  return bulk && !missing.ok ? allOf(checkBulkReplySendsEmail(access, departmentId), missing) : missing;
}

/** R-PERM-2/5: a bulk reply's history and per-recipient delivery, for holders of ticket.bulk_reply there and the job's own agent. */
export function bulkReplyHistoryDepartmentIds(access: AgentAccess): number[] {
  return access.departments.filter((d) => d.permissions.includes('ticket.view') && d.permissions.includes('ticket.bulk_reply')).map((d) => d.departmentId);
}

/**
 * R-PERM-5: a job is cancelled or resent by the agent who started it, or by a manager of its
 * department (settings.manage there), who answers for what the department's agents do.
 */
export function checkMayControlJob(access: AgentAccess, job: { id: number; initiatorId: number; departmentId: number | null }, action: 'cancel' | 'resend'): Verdict {
  if (job.initiatorId === access.agentId) return OK;
  if (job.departmentId !== null && hasPermission(access, 'settings.manage', job.departmentId)) return OK;
  const verb = phrase(`perm.action.${action}`, {});
  if (job.departmentId === null) return violation('R-PERM-5', 'perm.jobOfOtherEverywhere', { job: job.id, action: verb });
  return violation('R-PERM-5', 'perm.jobOfOther', { job: job.id, action: verb, department: departmentLabel(access, job.departmentId) });
}
