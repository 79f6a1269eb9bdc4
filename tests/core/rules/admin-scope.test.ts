import { describe, expect, it } from 'vitest';
import {
  canManageAgent,
  checkManagesEvery,
  checkManagesSomeDepartment,
  checkMayCreateDepartment,
  ineligibleMembers,
  managedDepartmentIds,
  scopeRole,
} from '../../../core/rules/admin-scope';
import type { Role } from '../../../core/schemas/role';
import { makeAccess, rulesOf, violationsOf } from './fixtures';

const NAMES = { 10: 'Support', 20: 'Billing', 30: 'Returns' };
/** Admin of Support, an agent in Billing, nothing in Returns. */
const supportAdmin = makeAccess({ 10: ['ticket.view', 'settings.manage'], 20: ['ticket.view'], 30: [] }, NAMES);
const nobody = makeAccess({ 10: ['ticket.view'], 20: [] }, NAMES);

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

  it('manages an agent only when it manages every department the agent works in', () => {
    expect(canManageAgent(supportAdmin, [10])).toBe(true);
    expect(canManageAgent(supportAdmin, [10, 20])).toBe(false);
    expect(canManageAgent(supportAdmin, [30])).toBe(false);
  });

  it('manages an agent of no department only when it manages some department at all', () => {
    expect(canManageAgent(supportAdmin, [])).toBe(true);
    expect(canManageAgent(nobody, [])).toBe(false);
  });

  it('names each department it lacks settings.manage in', () => {
    const refused = checkManagesEvery(supportAdmin, [10, 20, 30], 'role Lead has permissions there');
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
