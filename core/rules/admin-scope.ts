import type { Permission, Role, RoleKind } from '../schemas/role';
import { ALL_PERMISSIONS, checkPermission, departmentLabel, hasPermission, normalizePermissions, type AgentAccess } from './permissions';
import { list, phrase, type Phrase } from '../refusals/refusal';
import { allOf, OK, verdictOf, violation, type Verdict } from './verdict';

/**
 * Who may administer what (R-PERM-1/5): settings.manage is held per department, so an admin of one
 * department manages that department's share of roles, people and teams, and nothing beyond it.
 */

/** The kind of role the caller holds in each department they work in (the server's AuthContext.roleIn fits). */
export type HeldRoles = ReadonlyMap<number, { kind: RoleKind }>;

/** The departments whose settings the agent may change. */
export function managedDepartmentIds(access: AgentAccess): number[] {
  return access.departments.filter((d) => d.permissions.includes('settings.manage')).map((d) => d.departmentId);
}

/** R-PERM-5: the admin console's lists (roles, agents) need settings.manage somewhere. */
export function checkManagesSomeDepartment(access: AgentAccess): Verdict {
  if (managedDepartmentIds(access).length > 0) return OK;
  return violation('R-PERM-5', 'perm.manageSome', {});
}

/**
 * R-PERM-5: settings.manage in every one of these departments, and in at least one at all. Used
 * for whatever reaches across departments: an agent (their name, activity and tokens give access
 * everywhere they work) and a role (its permissions in each department). `reason` says why each
 * department matters, e.g. phrase('perm.reason.agentWorks', { agent: 'Ann' }).
 */
export function checkManagesEvery(access: AgentAccess, departmentIds: readonly number[], reason: Phrase): Verdict {
  if (departmentIds.length === 0) return checkManagesSomeDepartment(access);
  const missing = departmentIds.filter((id) => !hasPermission(access, 'settings.manage', id));
  if (missing.length === 0) return OK;
  const departments = list(missing.map((id) => departmentLabel(access, id)));
  return violation('R-PERM-5', missing.length === 1 ? 'perm.manageEvery' : 'perm.manageEveryMany', { departments, reason });
}

/** R-PERM-5: a new department is the whole organisation's concern, so only a holder of an admin role creates one. */
export function checkMayCreateDepartment(heldRoleKinds: readonly RoleKind[]): Verdict {
  if (heldRoleKinds.includes('admin')) return OK;
  return violation('R-PERM-5', 'perm.createDepartment', {});
}

const holdsAdminRoleIn = (roles: HeldRoles, departmentId: number) => roles.get(departmentId)?.kind === 'admin';

/**
 * R-PERM-3: what only an admin hands out: bulk reply ("an admin can grant it"), and settings.manage,
 * the power to hand out everything else.
 */
const ADMIN_GRANTS: readonly Permission[] = ['ticket.bulk_reply', 'settings.manage'];

/** How a refusal names what is handed out ("Role Lead grants") and what the admin is asked to do ("give this role"). */
interface Wording {
  lead: Phrase;
  todo: Phrase;
}

/**
 * R-PERM-3/5: in a department, settings.manage lets a caller hand out only what they hold there
 * themselves, and bulk reply or settings.manage only as an admin there. An admin holds every
 * permission (R-PERM-3), so hands out anything.
 */
function checkHandOut(access: AgentAccess, roles: HeldRoles, departmentId: number, permissions: readonly Permission[], { lead, todo }: Wording): Verdict {
  if (holdsAdminRoleIn(roles, departmentId)) return OK;
  const where = departmentLabel(access, departmentId);
  // Schema order without normalising: a bulk reply handed out alone is still handed out.
  const wanted = ALL_PERMISSIONS.filter((p) => permissions.includes(p));
  const adminOnly = wanted.filter((p) => ADMIN_GRANTS.includes(p));
  const notHeld = wanted.filter((p) => !ADMIN_GRANTS.includes(p) && !hasPermission(access, p, departmentId));
  return allOf(
    adminOnly.length === 0 ? OK : violation('R-PERM-3', 'perm.adminOnlyGrant', { lead, permissions: list(adminOnly), department: where, todo }),
    notHeld.length === 0 ? OK : violation('R-PERM-5', 'perm.notHeldGrant', { lead, permissions: list(notHeld), department: where, todo }),
  );
}

/** R-PERM-3/5: changing a role's permissions in a department; only what the change adds is checked. */
export function checkMayGrantPermissions(access: AgentAccess, roles: HeldRoles, departmentId: number, before: readonly Permission[], after: readonly Permission[]): Verdict {
  const held = normalizePermissions(before);
  const added = normalizePermissions(after).filter((p) => !held.includes(p));
  return checkHandOut(access, roles, departmentId, added, {
    lead: phrase('perm.lead.change', {}),
    todo: phrase(added.length === 1 ? 'perm.todo.grantIt' : 'perm.todo.grantThem', {}),
  });
}

/**
 * R-PERM-3 before R-PERM-5: settings.manage in the department, and the hand-out check, joined so
 * that a lead handing out bulk reply or the admin role hears that only an admin can, rather than
 * only that they lack settings.manage.
 */
export function checkMayHandOutIn(access: AgentAccess, departmentId: number, handOut: Verdict): Verdict {
  const all = allOf(checkPermission(access, 'settings.manage', departmentId), handOut);
  if (all.ok) return all;
  return verdictOf([...all.violations.filter((v) => v.rule === 'R-PERM-3'), ...all.violations.filter((v) => v.rule !== 'R-PERM-3')]);
}

/** A role as held in one department: its kind and what it grants there. */
export interface RoleInDepartment {
  name: string;
  kind: RoleKind;
  permissions: readonly Permission[];
}

/** How a refusal about a whole role names it: as an admin role, and as what it grants. */
interface RoleWording {
  adminLead: Phrase;
  lead: Phrase;
  todo: Phrase;
}

function checkHandOutRole(access: AgentAccess, roles: HeldRoles, departmentId: number, role: RoleInDepartment, { adminLead, lead, todo }: RoleWording): Verdict {
  if (role.kind === 'admin' && !holdsAdminRoleIn(roles, departmentId)) {
    const where = departmentLabel(access, departmentId);
    // R-PERM-3: the admin role holds every permission, bulk reply and settings.manage included.
    return violation('R-PERM-3', 'perm.adminRoleGrant', { lead: adminLead, department: where, todo });
  }
  return checkHandOut(access, roles, departmentId, role.permissions, { lead, todo });
}

/** R-PERM-3/5: giving an agent a role in a department hands out everything the role grants there. */
export function checkMayAssignRole(access: AgentAccess, roles: HeldRoles, departmentId: number, role: RoleInDepartment): Verdict {
  return checkHandOutRole(access, roles, departmentId, role, {
    adminLead: phrase('perm.lead.adminRole', { role: role.name }),
    lead: phrase('perm.lead.role', { role: role.name }),
    todo: phrase('perm.todo.giveRole', {}),
  });
}

/**
 * R-PERM-3/5: changing or taking away an agent's role in a department takes back what it grants, so
 * it needs the same reach as giving it: a manager who is not an admin cannot demote an admin.
 */
export function checkMayChangeHeldRole(access: AgentAccess, roles: HeldRoles, departmentId: number, agentName: string, held: RoleInDepartment): Verdict {
  return checkHandOutRole(access, roles, departmentId, held, {
    adminLead: phrase('perm.lead.heldAdminRole', { agent: agentName, role: held.name }),
    lead: phrase('perm.lead.heldRole', { agent: agentName, role: held.name }),
    todo: phrase('perm.todo.changeRole', { agent: agentName }),
  });
}

/** R-PERM-3/5: a copy of a role grants, in each department copied, what the original grants there. */
export function checkMayCopyRole(
  access: AgentAccess,
  roles: HeldRoles,
  sourceName: string,
  copied: readonly { departmentId: number; permissions: readonly Permission[] }[],
): Verdict {
  return allOf(
    ...copied.map((c) => checkHandOut(access, roles, c.departmentId, c.permissions, { lead: phrase('perm.lead.copy', { role: sourceName }), todo: phrase('perm.todo.copy', {}) })),
  );
}

/** An agent's role in one department they work in, as a holding to manage. */
export interface AgentHolding extends RoleInDepartment {
  departmentId: number;
}

/**
 * Whether the caller may change another agent and their tokens (R-PERM-3/5). A token acts with
 * everything its agent holds, so the caller must manage every department the agent works in and
 * hold there whatever the agent holds. An agent who works nowhere yet may later get any role, so
 * only an admin (of some department) manages them.
 */
export function checkMayManageAgent(access: AgentAccess, roles: HeldRoles, agent: { id: number; name: string }, holdings: readonly AgentHolding[]): Verdict {
  if (holdings.length === 0) {
    if (agent.id === access.agentId || [...roles.values()].some((r) => r.kind === 'admin')) return checkManagesSomeDepartment(access);
    return violation('R-PERM-5', 'perm.agentNowhere', { agent: agent.name });
  }
  const manages = checkManagesEvery(
    access,
    holdings.map((h) => h.departmentId),
    phrase('perm.reason.agentWorks', { agent: agent.name }),
  );
  // Managing yourself hands out nothing you do not hold already.
  if (!manages.ok || agent.id === access.agentId) return manages;
  return allOf(
    ...holdings.map((h) =>
      checkHandOutRole(access, roles, h.departmentId, h, {
        adminLead: phrase('perm.lead.heldAdminRole', { agent: agent.name, role: h.name }),
        lead: phrase('perm.lead.agentRole', { agent: agent.name, role: h.name }),
        todo: phrase('perm.todo.manage', { agent: agent.name }),
      }),
    ),
  );
}

/** A role as one admin sees it: its permissions in the departments they manage only. */
export function scopeRole(role: Role, managed: readonly number[]): Role {
  return { ...role, departments: role.departments.filter((d) => managed.includes(d.departmentId)) };
}

/** The ids a team may not hold: anyone who is not an active member of the team's department. */
export function ineligibleMembers(memberIds: readonly number[], eligible: ReadonlySet<number>): number[] {
  return [...new Set(memberIds)].filter((id) => !eligible.has(id));
}
