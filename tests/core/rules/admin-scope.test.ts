import { describe, expect, it } from 'vitest';
import {
  checkManagesEvery,
  checkManagesSomeDepartment,
  checkMayAssignRole,
  checkMayChangeHeldRole,
  checkMayCopyRole,
  checkMayCreateDepartment,
  checkMayGrantPermissions,
  checkMayManageAgent,
  ineligibleMembers,
  managedDepartmentIds,
  scopeRole,
  type AgentHolding,
  type HeldRoles,
} from '../../../core/rules/admin-scope';
import { ALL_PERMISSIONS } from '../../../core/rules/permissions';
import type { Role, RoleKind } from '../../../core/schemas/role';
import { makeAccess, rulesOf, violationsOf } from './fixtures';
import { phrase } from '../../../core/refusals/refusal';

const NAMES = { 10: 'Support', 20: 'Billing', 30: 'Returns' };
/** Admin of Support, an agent in Billing, nothing in Returns. */
const supportAdmin = makeAccess({ 10: ['ticket.view', 'settings.manage'], 20: ['ticket.view'], 30: [] }, NAMES);
const nobody = makeAccess({ 10: ['ticket.view'], 20: [] }, NAMES);
const kinds = (byDepartment: Record<number, RoleKind>): HeldRoles => new Map(Object.entries(byDepartment).map(([id, kind]) => [Number(id), { kind }]));
/** The Support admin above holds a custom role there; a real admin holds the admin role in Support. */
const supportAdminRoles = kinds({ 10: 'custom', 20: 'agent' });
const realAdmin = makeAccess({ 10: [...ALL_PERMISSIONS], 20: ['ticket.view'] }, NAMES);
const realAdminRoles = kinds({ 10: 'admin', 20: 'agent' });

describe('R-PERM-5 what an admin of some departments manages', () => {
  it('lists the departments where the agent holds settings.manage', () => {
    expect(managedDepartmentIds(supportAdmin)).toEqual([10]);
    expect(managedDepartmentIds(nobody)).toEqual([]);
  });

  it('opens the admin lists to anyone managing one department, and names settings.manage to the others', () => {
    expect(checkManagesSomeDepartment(supportAdmin).ok).toBe(true);
    const refused = checkManagesSomeDepartment(nobody);
    expect(rulesOf(refused)).toEqual(['R-PERM-5']);
    expect(violationsOf(refused)[0]!.message).toContain('settings.manage');
  });

  it('names each department it lacks settings.manage in', () => {
    const refused = checkManagesEvery(supportAdmin, [10, 20, 30], phrase('perm.reason.rolePermissions', { role: 'Lead' }));
    expect(rulesOf(refused)).toEqual(['R-PERM-5']);
    expect(violationsOf(refused)[0]!.message).toBe('You need the permission settings.manage in departments Billing, Returns: role Lead has permissions there.');
  });

  it('lets only a holder of an admin role create a department', () => {
    expect(checkMayCreateDepartment(['agent', 'admin']).ok).toBe(true);
    expect(rulesOf(checkMayCreateDepartment(['lead', 'custom']))).toEqual(['R-PERM-5']);
    expect(rulesOf(checkMayCreateDepartment([]))).toEqual(['R-PERM-5']);
  });
});

describe('R-PERM-1 per-department views of roles and teams', () => {
  it("shows a role's permissions in the managed departments only", () => {
    const role: Role = {
      id: 1,
      name: 'Agent',
      kind: 'agent',
      departments: [
        { departmentId: 10, permissions: ['ticket.view'] },
        { departmentId: 20, permissions: ['ticket.view', 'ticket.edit'] },
      ],
    };
    expect(scopeRole(role, [10])).toEqual({ ...role, departments: [{ departmentId: 10, permissions: ['ticket.view'] }] });
    expect(scopeRole(role, []).departments).toEqual([]);
  });

  it('lists each team member who is not an eligible member of the department, once', () => {
    expect(ineligibleMembers([1, 2, 3, 3], new Set([1]))).toEqual([2, 3]);
    expect(ineligibleMembers([1], new Set([1, 2]))).toEqual([]);
  });
});

describe('R-PERM-3/5 a caller hands out, in a department, only what they hold there', () => {
  it('grants a permission the caller holds there, and removes any permission', () => {
    expect(checkMayGrantPermissions(supportAdmin, supportAdminRoles, 10, ['ticket.edit'], ['ticket.edit', 'ticket.view']).ok).toBe(true);
    expect(checkMayGrantPermissions(supportAdmin, supportAdminRoles, 10, ['ticket.delete', 'ticket.view'], ['ticket.view']).ok).toBe(true);
    // Kept as it was: only what the change adds is the caller's to hold.
    expect(checkMayGrantPermissions(supportAdmin, supportAdminRoles, 10, ['ticket.delete'], ['ticket.delete', 'ticket.view']).ok).toBe(true);
  });

  it('R-PERM-5 refuses adding a permission the caller lacks there, naming it and whom to ask', () => {
    const refused = checkMayGrantPermissions(supportAdmin, supportAdminRoles, 10, [], ['ticket.view', 'ticket.delete', 'ticket.move']);
    expect(rulesOf(refused)).toEqual(['R-PERM-5']);
    expect(violationsOf(refused)[0]!.message).toBe(
      'This change grants ticket.move, ticket.delete in department Support, which you do not hold there yourself (you can hand out only what you hold): ask an admin of Support to grant them.',
    );
    // ticket.view is held in Billing, but settings.manage is not: the route refuses that first; here, holding is per department.
    expect(rulesOf(checkMayGrantPermissions(supportAdmin, supportAdminRoles, 30, [], ['ticket.view']))).toEqual(['R-PERM-5']);
  });

  it('R-PERM-3 refuses bulk reply and settings.manage unless the caller is an admin there, even when they hold them', () => {
    const withBulk = makeAccess({ 10: ['ticket.view', 'ticket.send_email', 'ticket.bulk_reply', 'settings.manage'] }, NAMES);
    const bulk = checkMayGrantPermissions(withBulk, supportAdminRoles, 10, ['ticket.send_email'], ['ticket.send_email', 'ticket.bulk_reply']);
    expect(rulesOf(bulk)).toEqual(['R-PERM-3']);
    expect(violationsOf(bulk)[0]!.message).toBe(
      'This change grants ticket.bulk_reply in department Support, which only an admin of Support can hand out: ask an admin of Support to grant it.',
    );
    expect(rulesOf(checkMayGrantPermissions(withBulk, supportAdminRoles, 10, [], ['settings.manage']))).toEqual(['R-PERM-3']);
    // Both refusals at once, each with its rule.
    expect(rulesOf(checkMayGrantPermissions(supportAdmin, supportAdminRoles, 10, [], ['settings.manage', 'ticket.delete']))).toEqual(['R-PERM-3', 'R-PERM-5']);
  });

  it('R-PERM-3 an admin there grants anything there, bulk reply included, but nothing in a department where they are not an admin', () => {
    expect(checkMayGrantPermissions(realAdmin, realAdminRoles, 10, [], [...ALL_PERMISSIONS]).ok).toBe(true);
    expect(rulesOf(checkMayGrantPermissions(realAdmin, realAdminRoles, 20, [], ['ticket.edit']))).toEqual(['R-PERM-5']);
  });

  it('R-PERM-3/5 changes or takes away a held role only with the reach to give it: a manager cannot demote an admin', () => {
    const admin = checkMayChangeHeldRole(supportAdmin, supportAdminRoles, 10, 'Dee', { name: 'Admin', kind: 'admin', permissions: [...ALL_PERMISSIONS] });
    expect(rulesOf(admin)).toEqual(['R-PERM-3']);
    expect(violationsOf(admin)[0]!.message).toBe(
      "Agent Dee holds the admin role Admin in department Support, which only an admin of Support can hand out: ask an admin of Support to change Dee's role.",
    );
    const lead = checkMayChangeHeldRole(supportAdmin, supportAdminRoles, 10, 'Lu', { name: 'Lead', kind: 'lead', permissions: ['ticket.view', 'ticket.edit'] });
    expect(rulesOf(lead)).toEqual(['R-PERM-5']);
    expect(checkMayChangeHeldRole(supportAdmin, supportAdminRoles, 10, 'Vi', { name: 'Viewer', kind: 'custom', permissions: ['ticket.view'] }).ok).toBe(true);
    expect(checkMayChangeHeldRole(realAdmin, realAdminRoles, 10, 'Dee', { name: 'Admin', kind: 'admin', permissions: [...ALL_PERMISSIONS] }).ok).toBe(true);
  });

  it('gives a role only when everything it grants there is held, and the admin role only as an admin', () => {
    const viewer = { name: 'Viewer', kind: 'custom' as const, permissions: ['ticket.view' as const] };
    expect(checkMayAssignRole(supportAdmin, supportAdminRoles, 10, viewer).ok).toBe(true);
    const lead = checkMayAssignRole(supportAdmin, supportAdminRoles, 10, { name: 'Lead', kind: 'lead', permissions: ['ticket.view', 'ticket.edit'] });
    expect(rulesOf(lead)).toEqual(['R-PERM-5']);
    expect(violationsOf(lead)[0]!.message).toBe(
      'Role Lead grants ticket.edit in department Support, which you do not hold there yourself (you can hand out only what you hold): ask an admin of Support to give this role.',
    );
    // The caller's own role, settings.manage in it: only an admin hands that out.
    const own = checkMayAssignRole(supportAdmin, supportAdminRoles, 10, { name: 'Desk', kind: 'custom', permissions: ['ticket.view', 'settings.manage'] });
    expect(rulesOf(own)).toEqual(['R-PERM-3']);
    const adminRole = checkMayAssignRole(supportAdmin, supportAdminRoles, 10, { name: 'Admin', kind: 'admin', permissions: [] });
    expect(rulesOf(adminRole)).toEqual(['R-PERM-3']);
    expect(violationsOf(adminRole)[0]!.message).toBe(
      'Role Admin is an admin role in department Support, which only an admin of Support can hand out: ask an admin of Support to give this role.',
    );
    expect(checkMayAssignRole(realAdmin, realAdminRoles, 10, { name: 'Admin', kind: 'admin', permissions: [...ALL_PERMISSIONS] }).ok).toBe(true);
  });

  it('copies a role only where the copy grants nothing the caller could not grant', () => {
    expect(checkMayCopyRole(supportAdmin, supportAdminRoles, 'Viewer', [{ departmentId: 10, permissions: ['ticket.view'] }]).ok).toBe(true);
    const refused = checkMayCopyRole(supportAdmin, supportAdminRoles, 'Lead', [{ departmentId: 10, permissions: ['ticket.view', 'ticket.merge'] }]);
    expect(rulesOf(refused)).toEqual(['R-PERM-5']);
    expect(violationsOf(refused)[0]!.message).toContain('Role Lead, which you are copying, grants ticket.merge in department Support');
    expect(checkMayCopyRole(realAdmin, realAdminRoles, 'Lead', [{ departmentId: 10, permissions: [...ALL_PERMISSIONS] }]).ok).toBe(true);
  });
});

describe('R-PERM-3/5 whose agent (and tokens) a caller manages', () => {
  const holding = (departmentId: number, name: string, kind: RoleKind, permissions: AgentHolding['permissions']): AgentHolding => ({ departmentId, name, kind, permissions });
  const ann = { id: 99, name: 'Ann' };

  it('manages an agent whose every department it manages, holding there what the agent holds', () => {
    expect(checkMayManageAgent(supportAdmin, supportAdminRoles, ann, [holding(10, 'Viewer', 'custom', ['ticket.view'])]).ok).toBe(true);
    const wider = checkMayManageAgent(supportAdmin, supportAdminRoles, ann, [holding(10, 'Viewer', 'custom', ['ticket.view']), holding(20, 'Viewer', 'custom', ['ticket.view'])]);
    expect(violationsOf(wider)[0]!.message).toBe('You need the permission settings.manage in department Billing: agent Ann works there.');
    expect(checkMayManageAgent(supportAdmin, supportAdminRoles, ann, [holding(30, 'Viewer', 'custom', ['ticket.view'])]).ok).toBe(false);
  });

  it('refuses an agent holding more than the caller there: their token would hand it out', () => {
    const lead = checkMayManageAgent(supportAdmin, supportAdminRoles, ann, [holding(10, 'Lead', 'lead', ['ticket.view', 'ticket.delete'])]);
    expect(rulesOf(lead)).toEqual(['R-PERM-5']);
    expect(violationsOf(lead)[0]!.message).toContain("Agent Ann's role Lead grants ticket.delete in department Support");
    const admin = checkMayManageAgent(supportAdmin, supportAdminRoles, ann, [holding(10, 'Admin', 'admin', [...ALL_PERMISSIONS])]);
    expect(rulesOf(admin)).toEqual(['R-PERM-3']);
    expect(violationsOf(admin)[0]!.message).toBe(
      'Agent Ann holds the admin role Admin in department Support, which only an admin of Support can hand out: ask an admin of Support to manage Ann.',
    );
    expect(checkMayManageAgent(realAdmin, realAdminRoles, ann, [holding(10, 'Admin', 'admin', [...ALL_PERMISSIONS])]).ok).toBe(true);
  });

  it('manages oneself in the departments one manages, whatever one holds there', () => {
    const me = { id: supportAdmin.agentId, name: 'Me' };
    expect(checkMayManageAgent(supportAdmin, supportAdminRoles, me, [holding(10, 'Desk', 'custom', ['ticket.view', 'settings.manage'])]).ok).toBe(true);
  });

  it('manages an agent of no department only as an admin somewhere: they may later get any role', () => {
    const refused = checkMayManageAgent(supportAdmin, supportAdminRoles, ann, []);
    expect(rulesOf(refused)).toEqual(['R-PERM-5']);
    expect(violationsOf(refused)[0]!.message).toBe(
      'Agent Ann works in no department yet, so a token of theirs would reach whatever department they join later: only an admin can manage them. Give them a role in a department you manage first, or ask an admin.',
    );
    expect(checkMayManageAgent(realAdmin, realAdminRoles, ann, []).ok).toBe(true);
    expect(checkMayManageAgent(nobody, kinds({ 10: 'agent' }), ann, []).ok).toBe(false);
  });
});
