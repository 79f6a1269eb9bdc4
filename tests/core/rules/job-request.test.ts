import { describe, expect, it } from 'vitest';
import { checkJobPermissions, OPERATION_PERMISSION } from '../../../core/rules/job-request';
import type { AgentAccess } from '../../../core/rules/permissions';

const access: AgentAccess = {
  agentId: 1,
  departments: [
    { departmentId: 1, departmentName: 'Support', permissions: ['ticket.view', 'ticket.edit', 'ticket.delete', 'ticket.mass_action'] },
    { departmentId: 2, departmentName: 'Billing', permissions: ['ticket.view', 'ticket.edit'] },
  ],
};

describe('R-PERM-5 job permissions', () => {
  it('every operation names a permission', () => {
    expect(OPERATION_PERMISSION.delete).toBe('ticket.delete');
    expect(OPERATION_PERMISSION.reply).toBe('ticket.bulk_reply');
    expect(OPERATION_PERMISSION.move).toBe('ticket.move');
    expect(OPERATION_PERMISSION.merge).toBe('ticket.merge');
    expect(OPERATION_PERMISSION.assign).toBe('ticket.edit');
  });

  it('needs the operation permission in every department touched', () => {
    expect(checkJobPermissions(access, 'close', 'bulk', [1, 2]).ok).toBe(true);
    const verdict = checkJobPermissions(access, 'delete', 'bulk', [1, 2]);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.violations.map((v) => v.message)).toEqual([expect.stringContaining('ticket.delete in department Billing')]);
  });

  it('a mass job also needs ticket.mass_action', () => {
    expect(checkJobPermissions(access, 'assign', 'mass', [1]).ok).toBe(true);
    const verdict = checkJobPermissions(access, 'assign', 'mass', [2]);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.violations[0]!.message).toContain('ticket.mass_action');
  });
});
