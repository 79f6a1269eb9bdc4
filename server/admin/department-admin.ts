import { and, eq, ne, sql } from 'drizzle-orm';
import { checkMayCreateDepartment } from '../../core/rules/admin-scope';
import { addressKey, uniqueAddresses } from '../../core/rules/address';
import { defaultPermissions } from '../../core/rules/permissions';
import type { DepartmentCreate, DepartmentPatch } from '../../core/schemas/admin-people';
import { defaultDepartmentFeatures, type Department } from '../../core/schemas/department';
import type { Db } from '../db/client';
import { departments, memberships, rolePermissions, roles, views } from '../db/schema';
import { conflict, enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';
import { standardViews } from '../tickets/standard-views';
import { enforceNewTicketBlueprint } from '../tickets/ticket-blueprint';
import type { DepartmentRow } from '../db/rows';

const nameTaken = (name: string, departmentId?: number) =>
  conflict(`A department named "${name}" already exists; pick another name.`, departmentId === undefined ? undefined : { departmentId });

async function refuseTakenName(db: Db, name: string, exceptId = 0): Promise<void> {
  const [taken] = await db
    .select()
    .from(departments)
    .where(and(sql`lower(${departments.name}) = lower(${name})`, ne(departments.id, exceptId)));
  if (taken) throw nameTaken(taken.name, taken.id);
}

/** Incoming mail is routed to a department by the support address it was sent to, so each address belongs to one department. */
async function refuseClaimedAddresses(db: Db, addresses: readonly string[], exceptId = 0): Promise<void> {
  if (addresses.length === 0) return;
  const others = await db.select().from(departments).where(ne(departments.id, exceptId));
  for (const address of addresses) {
    const owner = others.find((d) => d.supportAddresses.some((a) => addressKey(a) === addressKey(address)));
    if (owner) {
      throw conflict(`${address} is already a support address of department ${owner.name}; incoming mail is routed by it, so it can belong to one department only.`, {
        address,
        departmentId: owner.id,
      });
    }
  }
}

/**
 * A new department: default features, every built-in role with its default permissions there, and
 * its creator as a member with their admin role, so they can manage it at once.
 */
export async function createDepartment(db: Db, auth: AuthContext, body: DepartmentCreate): Promise<Department> {
  const held = [...auth.roleIn.values()];
  enforce(checkMayCreateDepartment(held.map((r) => r.kind)));
  const adminRole = held.find((r) => r.kind === 'admin')!;
  const supportAddresses = uniqueAddresses(body.supportAddresses);
  await refuseTakenName(db, body.name);
  await refuseClaimedAddresses(db, supportAddresses);
  const [row] = await db
    .insert(departments)
    .values({ name: body.name, supportAddresses, fromAddresses: uniqueAddresses(body.fromAddresses), helpCenter: false, features: defaultDepartmentFeatures })
    .onConflictDoNothing()
    .returning();
  // A concurrent create of the same name got there first.
  if (!row) throw nameTaken(body.name);
  const builtIn = await db.select().from(roles).where(ne(roles.kind, 'custom'));
  const grants = builtIn.map((r) => ({ roleId: r.id, departmentId: row.id, permissions: defaultPermissions(r.kind) })).filter((g) => g.permissions.length > 0);
  if (grants.length > 0) await db.insert(rolePermissions).values(grants);
  await db.insert(memberships).values({ agentId: auth.agent.id, departmentId: row.id, roleId: adminRole.id });
  await db.insert(views).values(standardViews(row.id));
  return row;
}

/** A department's name, support addresses and blueprint for new tickets (settings.manage there). */
export async function updateDepartment(db: Db, auth: AuthContext, departmentId: number, patch: DepartmentPatch): Promise<Department> {
  const current = await managedDepartment(db, auth, departmentId);
  await db.select({ id: departments.id }).from(departments).where(eq(departments.id, current.id)).for('update');
  const changes: Partial<Pick<DepartmentRow, 'name' | 'supportAddresses' | 'newTicketBlueprintId'>> = {};
  if (patch.name !== undefined) {
    await refuseTakenName(db, patch.name, current.id);
    changes.name = patch.name;
  }
  if (patch.supportAddresses !== undefined) {
    changes.supportAddresses = uniqueAddresses(patch.supportAddresses);
    await refuseClaimedAddresses(db, changes.supportAddresses, current.id);
  }
  if (patch.newTicketBlueprintId !== undefined) {
    if (patch.newTicketBlueprintId !== null) await enforceNewTicketBlueprint(db, current, patch.newTicketBlueprintId);
    changes.newTicketBlueprintId = patch.newTicketBlueprintId;
  }
  const [row] = await db.update(departments).set(changes).where(eq(departments.id, current.id)).returning();
  return row!;
}
