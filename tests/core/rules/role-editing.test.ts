import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '../../../core/rules/permissions';
import { editRolePermissions, isFixedRole, permissionLock, rolePermissionsIn } from '../../../core/rules/role-editing';
import type { Permission, Role } from '../../../core/schemas/role';

const role = (kind: Role['kind'], departments: Role['departments']): Pick<Role, 'kind' | 'departments'> => ({ kind, departments });
const SENDER: Permission[] = ['ticket.view', 'ticket.send_email', 'ticket.bulk_reply'];

describe('rolePermissionsIn', () => {
  it("reads the role's set in that department only, in schema order", () => {
    const lead = role('lead', [
      { departmentId: 1, permissions: ['ticket.merge', 'ticket.view'] },
      { departmentId: 2, permissions: ['settings.manage'] },
    ]);
    expect(rolePermissionsIn(lead, 1)).toEqual(['ticket.view', 'ticket.merge']);
    expect(rolePermissionsIn(lead, 3)).toEqual([]);
  });

  it('drops a bulk reply the server kept without send_email (R-PERM-4)', () => {
    expect(rolePermissionsIn(role('custom', [{ departmentId: 1, permissions: ['ticket.bulk_reply'] }]), 1)).toEqual([]);
  });
});

describe('R-PERM-3 the admin role is fixed', () => {
  it('shows every permission for an admin role, stored or not', () => {
    expect(isFixedRole('admin')).toBe(true);
    expect(rolePermissionsIn(role('admin', []), 1)).toEqual([...ALL_PERMISSIONS]);
  });

  it('locks every box of the admin column', () => {
    for (const p of ALL_PERMISSIONS) expect(permissionLock('admin', ALL_PERMISSIONS, p)).toBe('R-PERM-3');
  });

  it('refuses editing the admin role', () => {
    const edit = editRolePermissions('admin', ALL_PERMISSIONS, 'ticket.view', false);
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.violations[0]!.rule).toBe('R-PERM-3');
  });

  it('leaves other kinds editable', () => {
    for (const kind of ['lead', 'agent', 'custom'] as const) expect(isFixedRole(kind)).toBe(false);
  });
});

describe('R-PERM-4 bulk reply needs send_email', () => {
  it('locks the bulk reply box while send_email is off', () => {
    expect(permissionLock('lead', ['ticket.view'], 'ticket.bulk_reply')).toBe('R-PERM-4');
    expect(permissionLock('lead', ['ticket.send_email'], 'ticket.bulk_reply')).toBeNull();
    expect(permissionLock('lead', ['ticket.view'], 'ticket.send_email')).toBeNull();
  });

  it('unticking send_email unticks bulk reply and says so', () => {
    const edit = editRolePermissions('lead', SENDER, 'ticket.send_email', false);
    expect(edit).toEqual({ ok: true, permissions: ['ticket.view'], dropped: ['ticket.bulk_reply'] });
  });

  it('refuses ticking bulk reply without send_email', () => {
    const edit = editRolePermissions('custom', ['ticket.view'], 'ticket.bulk_reply', true);
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.violations[0]!.rule).toBe('R-PERM-4');
  });

  it('grants bulk reply next to send_email', () => {
    const edit = editRolePermissions('custom', ['ticket.send_email'], 'ticket.bulk_reply', true);
    expect(edit).toEqual({ ok: true, permissions: ['ticket.send_email', 'ticket.bulk_reply'], dropped: [] });
  });
});

describe('editRolePermissions', () => {
  it('ticks and unticks one permission without touching the others', () => {
    expect(editRolePermissions('agent', ['ticket.view'], 'ticket.merge', true)).toEqual({ ok: true, permissions: ['ticket.view', 'ticket.merge'], dropped: [] });
    expect(editRolePermissions('agent', SENDER, 'ticket.view', false)).toEqual({ ok: true, permissions: ['ticket.send_email', 'ticket.bulk_reply'], dropped: [] });
  });

  it('ticking an already granted permission changes nothing', () => {
    expect(editRolePermissions('agent', ['ticket.view'], 'ticket.view', true)).toEqual({ ok: true, permissions: ['ticket.view'], dropped: [] });
  });
});
