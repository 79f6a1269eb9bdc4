import { describe, expect, it } from 'vitest';
import {
  ALL_PERMISSIONS,
  checkPermission,
  checkRolePermissions,
  defaultPermissions,
  hasPermission,
  normalizePermissions,
  permissionsIn,
  resolveAccess,
  visibleDepartmentIds,
} from '../../../core/rules/permissions';
import type { Membership, Permission, Role } from '../../../core/schemas/role';
import { makeAccess, rulesOf, violationsOf } from './fixtures';

function role(id: number, kind: Role['kind'], departments: Role['departments']): Role {
  return { id, name: `role ${id}`, kind, departments };
}

describe('R-PERM-2 roles and the permissions they can grant', () => {
  it('lists exactly the nine permissions of RULES.md, in that order', () => {
    expect(ALL_PERMISSIONS).toEqual([
      'ticket.view',
      'ticket.edit',
      'ticket.send_email',
      'ticket.bulk_reply',
      'ticket.merge',
      'ticket.move',
      'ticket.delete',
      'ticket.mass_action',
      'settings.manage',
    ]);
  });

  it('gives admins every permission', () => {
    expect(defaultPermissions('admin')).toEqual([...ALL_PERMISSIONS]);
  });

  it('gives leads everything except bulk reply and settings', () => {
    expect(defaultPermissions('lead')).toEqual(['ticket.view', 'ticket.edit', 'ticket.send_email', 'ticket.merge', 'ticket.move', 'ticket.delete', 'ticket.mass_action']);
  });

  it('gives agents view, edit, send e-mail and merge', () => {
    expect(defaultPermissions('agent')).toEqual(['ticket.view', 'ticket.edit', 'ticket.send_email', 'ticket.merge']);
  });

  it('starts custom roles with nothing', () => {
    expect(defaultPermissions('custom')).toEqual([]);
  });

  it('returns a fresh array each time, so callers cannot corrupt the defaults', () => {
    const perms = defaultPermissions('admin');
    perms.pop();
    expect(defaultPermissions('admin')).toHaveLength(9);
  });

  it('normalizes to schema order without duplicates', () => {
    expect(normalizePermissions(['ticket.move', 'ticket.view', 'ticket.move', 'ticket.view'])).toEqual(['ticket.view', 'ticket.move']);
    expect(normalizePermissions([])).toEqual([]);
  });
});

describe('R-PERM-1 permissions are resolved per department', () => {
  const roles = [
    role(1, 'admin', [
      { departmentId: 10, permissions: defaultPermissions('admin') },
      { departmentId: 20, permissions: ['ticket.view'] },
    ]),
    role(2, 'agent', [{ departmentId: 20, permissions: ['ticket.view', 'ticket.edit'] }]),
  ];

  it("takes each membership's role set for that department only", () => {
    const memberships: Membership[] = [
      { agentId: 7, departmentId: 10, roleId: 1 },
      { agentId: 7, departmentId: 20, roleId: 2 },
      { agentId: 8, departmentId: 10, roleId: 2 },
    ];
    const access = resolveAccess(7, memberships, roles);
    expect(access.agentId).toBe(7);
    expect(permissionsIn(access, 10)).toEqual([...ALL_PERMISSIONS]);
    expect(permissionsIn(access, 20)).toEqual(['ticket.view', 'ticket.edit']);
    expect(access.departments).toHaveLength(2);
  });

  it('grants nothing where the role has no entry for the department, or the role is unknown', () => {
    const access = resolveAccess(
      7,
      [
        { agentId: 7, departmentId: 30, roleId: 2 },
        { agentId: 7, departmentId: 40, roleId: 99 },
      ],
      roles,
    );
    expect(permissionsIn(access, 30)).toEqual([]);
    expect(permissionsIn(access, 40)).toEqual([]);
  });

  it('grants nothing in a department the agent is not a member of', () => {
    const access = resolveAccess(7, [{ agentId: 7, departmentId: 10, roleId: 1 }], roles);
    expect(permissionsIn(access, 20)).toEqual([]);
    expect(hasPermission(access, 'ticket.view', 20)).toBe(false);
    expect(hasPermission(access, 'ticket.view', 10)).toBe(true);
  });

  it('unites two roles held in the same department', () => {
    const access = resolveAccess(
      7,
      [
        { agentId: 7, departmentId: 20, roleId: 1 },
        { agentId: 7, departmentId: 20, roleId: 2 },
      ],
      roles,
    );
    expect(access.departments).toHaveLength(1);
    expect(permissionsIn(access, 20)).toEqual(['ticket.view', 'ticket.edit']);
  });

  it('carries department names when given', () => {
    const access = resolveAccess(7, [{ agentId: 7, departmentId: 10, roleId: 1 }], roles, [{ id: 10, name: 'Billing' }]);
    expect(access.departments[0]?.departmentName).toBe('Billing');
  });
});

describe('R-PERM-3 by default only admins have ticket.bulk_reply', () => {
  it.each([
    ['admin', true],
    ['lead', false],
    ['agent', false],
    ['custom', false],
  ] as const)('%s default includes bulk reply: %s', (kind, expected) => {
    expect(defaultPermissions(kind).includes('ticket.bulk_reply')).toBe(expected);
  });

  it('an admin can grant it to another role in one department only', () => {
    const granted = role(3, 'agent', [
      { departmentId: 10, permissions: [...defaultPermissions('agent'), 'ticket.bulk_reply'] },
      { departmentId: 20, permissions: defaultPermissions('agent') },
    ]);
    const access = resolveAccess(
      7,
      [
        { agentId: 7, departmentId: 10, roleId: 3 },
        { agentId: 7, departmentId: 20, roleId: 3 },
      ],
      [granted],
    );
    expect(hasPermission(access, 'ticket.bulk_reply', 10)).toBe(true);
    expect(hasPermission(access, 'ticket.bulk_reply', 20)).toBe(false);
  });
});

describe('R-PERM-4 bulk_reply only together with send_email', () => {
  it('refuses a role granting bulk_reply without send_email', () => {
    const verdict = checkRolePermissions(['ticket.view', 'ticket.bulk_reply']);
    expect(rulesOf(verdict)).toEqual(['R-PERM-4']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/ticket\.bulk_reply.*ticket\.send_email/);
  });

  it('allows bulk_reply with send_email, and send_email alone, and nothing', () => {
    expect(checkRolePermissions(['ticket.send_email', 'ticket.bulk_reply']).ok).toBe(true);
    expect(checkRolePermissions(['ticket.send_email']).ok).toBe(true);
    expect(checkRolePermissions([]).ok).toBe(true);
  });

  it('removing send_email removes bulk_reply', () => {
    const admin = defaultPermissions('admin');
    const withoutSend = admin.filter((p) => p !== 'ticket.send_email');
    const normalized = normalizePermissions(withoutSend);
    expect(normalized).not.toContain('ticket.bulk_reply');
    expect(normalized).not.toContain('ticket.send_email');
    expect(normalized).toHaveLength(7);
  });

  it('keeps bulk_reply while send_email stays', () => {
    expect(normalizePermissions(['ticket.bulk_reply', 'ticket.send_email'])).toEqual(['ticket.send_email', 'ticket.bulk_reply']);
  });

  it('a stored role that broke the rule does not grant bulk reply when resolved', () => {
    const broken = role(4, 'custom', [{ departmentId: 10, permissions: ['ticket.view', 'ticket.bulk_reply'] }]);
    const access = resolveAccess(7, [{ agentId: 7, departmentId: 10, roleId: 4 }], [broken]);
    expect(permissionsIn(access, 10)).toEqual(['ticket.view']);
  });
});

describe('R-PERM-5 agents act only where their role allows', () => {
  const access = makeAccess({ 10: ['ticket.view', 'ticket.merge'], 20: ['ticket.edit'], 30: ['ticket.view'] }, { 10: 'Billing' });

  it('allows a permission the role has in that department', () => {
    expect(checkPermission(access, 'ticket.merge', 10)).toEqual({ ok: true });
  });

  it('names the missing permission and the department by name', () => {
    const verdict = checkPermission(access, 'ticket.move', 10);
    expect(violationsOf(verdict)).toMatchObject([
      {
        rule: 'R-PERM-5',
        message: 'You need the permission ticket.move in department Billing (ask an admin to grant it to your role).',
      },
    ]);
  });

  it('names the department by id when its name is unknown', () => {
    const verdict = checkPermission(access, 'ticket.merge', 30);
    expect(violationsOf(verdict)[0]?.message).toBe('You need the permission ticket.merge in department 30 (ask an admin to grant it to your role).');
  });

  it('refuses in a department the agent does not belong to', () => {
    expect(rulesOf(checkPermission(access, 'ticket.view', 99))).toEqual(['R-PERM-5']);
  });

  it('a permission in one department does not carry over to another', () => {
    const perm: Permission = 'ticket.merge';
    expect(hasPermission(access, perm, 10)).toBe(true);
    expect(hasPermission(access, perm, 30)).toBe(false);
  });

  it('sees only departments with ticket.view', () => {
    expect(visibleDepartmentIds(access)).toEqual([10, 30]);
    expect(visibleDepartmentIds(makeAccess({}))).toEqual([]);
  });
});
