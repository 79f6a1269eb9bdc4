import { defaultPermissions, normalizePermissions } from '../../../core/rules/permissions';
import type { DepartmentFeatures } from '../../../core/schemas/department';
import type { Permission, RoleKind } from '../../../core/schemas/role';
import type { Db } from '../client';
import { agents, customFields, departments, memberships, rolePermissions, roles, teamMembers, teams } from '../schema';
import type { Speaker } from './conversation';
import { AGENTS, TEAMS, type DepartmentName, type RoleName } from './people';
import type { SeedDepartment } from './tickets';

/** Departments, roles, agents and teams: the org chart every other seeded row hangs off. */

interface DepartmentSeed {
  name: DepartmentName;
  supportAddresses: string[];
  fromAddresses: string[];
  helpCenter: boolean;
  features: DepartmentFeatures;
}

/**
 * Support shows off the optional features (R-RCPT-1, R-CC-1 — CC needs the help center); Billing
 * and Returns keep the defaults so the demo also shows what "off" looks like.
 */
const DEPARTMENTS: readonly DepartmentSeed[] = [
  {
    name: 'Support',
    supportAddresses: ['support@demo.example'],
    fromAddresses: ['support@demo.example', 'noreply-support@demo.example'],
    helpCenter: true,
    features: { receipts: true, cc: true, ccOptions: { customersMayAddCc: true, autoAddRecipients: true } },
  },
  {
    name: 'Billing',
    supportAddresses: ['billing@demo.example'],
    fromAddresses: ['billing@demo.example', 'noreply-billing@demo.example'],
    helpCenter: true,
    features: { receipts: false, cc: false, ccOptions: { customersMayAddCc: false, autoAddRecipients: false } },
  },
  {
    name: 'Returns',
    supportAddresses: ['returns@demo.example'],
    fromAddresses: ['returns@demo.example', 'noreply-returns@demo.example'],
    helpCenter: false,
    features: { receipts: false, cc: false, ccOptions: { customersMayAddCc: false, autoAddRecipients: false } },
  },
];

const ROLES: readonly { name: RoleName; kind: RoleKind }[] = [
  { name: 'Admin', kind: 'admin' },
  { name: 'Lead', kind: 'lead' },
  { name: 'Agent', kind: 'agent' },
  { name: 'Billing specialist', kind: 'custom' },
];

/** The custom role exists to show R-PERM-3: bulk reply granted outside admins, in one department only. */
function permissionsFor(kind: RoleKind, department: DepartmentName): Permission[] {
  if (kind !== 'custom') return defaultPermissions(kind);
  if (department === 'Billing') return normalizePermissions(['ticket.view', 'ticket.edit', 'ticket.send_email', 'ticket.bulk_reply']);
  return ['ticket.view'];
}

export interface Organization {
  departments: SeedDepartment[];
  /** Every address R-CC-3 refuses as a CC: agents' and departments' own. */
  reservedAddresses: Set<string>;
  counts: { departments: number; roles: number; agents: number; teams: number };
}

export async function seedOrganization(db: Db): Promise<Organization> {
  const deptRows = await db
    .insert(departments)
    .values([...DEPARTMENTS])
    .returning();
  const roleRows = await db
    .insert(roles)
    .values([...ROLES])
    .returning();
  await db
    .insert(rolePermissions)
    .values(roleRows.flatMap((role) => deptRows.map((dept) => ({ roleId: role.id, departmentId: dept.id, permissions: permissionsFor(role.kind, dept.name as DepartmentName) }))));
  const agentRows = await db
    .insert(agents)
    .values(AGENTS.map(({ email, name }) => ({ email, name })))
    .returning();
  const deptId = (name: DepartmentName) => deptRows.find((d) => d.name === name)!.id;
  const roleId = (name: RoleName) => roleRows.find((r) => r.name === name)!.id;
  const agentId = (email: string) => agentRows.find((a) => a.email === email)!.id;
  await db
    .insert(memberships)
    .values(
      AGENTS.flatMap((a) => Object.entries(a.roles).map(([dept, role]) => ({ agentId: agentId(a.email), departmentId: deptId(dept as DepartmentName), roleId: roleId(role) }))),
    );
  const teamRows = await db
    .insert(teams)
    .values(TEAMS.map((t) => ({ name: t.name, departmentId: deptId(t.department) })))
    .returning();
  await db.insert(teamMembers).values(TEAMS.flatMap((t, i) => t.members.map((email) => ({ teamId: teamRows[i]!.id, agentId: agentId(email) }))));
  // The Returns tickets the seed writes carry an order number; the field says what it is.
  await db.insert(customFields).values({ departmentId: deptId('Returns'), key: 'orderNumber', name: 'Order number', type: 'text' });

  const seeded: SeedDepartment[] = DEPARTMENTS.map((d) => {
    const members: Speaker[] = AGENTS.filter((a) => a.roles[d.name]).map((a) => ({ id: agentId(a.email), email: a.email, name: a.name }));
    return {
      id: deptId(d.name),
      name: d.name,
      supportAddress: d.supportAddresses[0]!,
      fromAddress: d.fromAddresses[0]!,
      ccEnabled: d.features.cc && d.helpCenter,
      members,
      teamId: teamRows.find((t) => t.departmentId === deptId(d.name))?.id ?? null,
    };
  });
  const reservedAddresses = new Set([...AGENTS.map((a) => a.email), ...DEPARTMENTS.flatMap((d) => [...d.supportAddresses, ...d.fromAddresses])]);
  return {
    departments: seeded,
    reservedAddresses,
    counts: { departments: deptRows.length, roles: roleRows.length, agents: agentRows.length, teams: teamRows.length },
  };
}
