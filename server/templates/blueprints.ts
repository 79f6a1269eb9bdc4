import { asc, count, eq, inArray } from 'drizzle-orm';
import { checkPermission } from '../../core/rules/permissions';
import type { BlueprintCreate, BlueprintPatch } from '../../core/schemas/admin';
import type { Blueprint } from '../../core/schemas/template';
import { refuseTakenName } from './unique-name';
import { removed } from '../admin/removed';
import type { Db } from '../db/client';
import type { BlueprintRow } from '../db/rows';
import { blueprints, departments, tickets } from '../db/schema';
import { conflict, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { readableDepartments } from '../http/department-scope';

// Transitions are only ever written through BlueprintCreate/BlueprintPatch, so they hold valid statuses.
const toBlueprint = (row: BlueprintRow) => row as Blueprint;

/** Loads a blueprint for a write: 404 when missing, 403 without settings.manage in its department. */
async function writableBlueprint(db: Db, auth: AuthContext, id: number): Promise<BlueprintRow> {
  const [row] = await db.select().from(blueprints).where(eq(blueprints.id, id)).for('update');
  if (!row) throw notFound(`Blueprint ${id}`);
  enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
  return row;
}

/** R-BULK-15: a blueprint still steering tickets is not deleted from under them. */
async function refuseInUse(db: Db, row: BlueprintRow) {
  const [department] = await db.select({ name: departments.name }).from(departments).where(eq(departments.newTicketBlueprintId, row.id));
  if (department) {
    throw conflict(
      `Blueprint "${row.name}" is applied to every new ticket of department ${department.name}. Pick another blueprint (or none) for new tickets in that department's settings first, then delete it.`,
    );
  }
  const [usage] = await db
    .select({ total: count(), trashed: count(tickets.trashedAt) })
    .from(tickets)
    .where(eq(tickets.blueprintId, row.id));
  const { total, trashed } = usage ?? { total: 0, trashed: 0 };
  if (total === 0) return;
  const inTrash = trashed > 0 ? `, ${trashed} of them in the trash` : '';
  throw conflict(
    `Blueprint "${row.name}" is still applied to ${total} ticket${total === 1 ? '' : 's'}${inTrash}. Remove it from those tickets first (bulk action "remove blueprint"), then delete it.`,
    { ticketCount: total, trashedCount: trashed },
  );
}

export async function listBlueprints(db: Db, auth: AuthContext, departmentId: number | undefined): Promise<Blueprint[]> {
  const ids = readableDepartments(auth, departmentId);
  if (ids.length === 0) return [];
  const rows = await db.select().from(blueprints).where(inArray(blueprints.departmentId, ids)).orderBy(asc(blueprints.departmentId), asc(blueprints.name));
  return rows.map(toBlueprint);
}

export async function createBlueprint(db: Db, auth: AuthContext, body: BlueprintCreate): Promise<Blueprint> {
  enforce(checkPermission(auth.access, 'settings.manage', body.departmentId));
  await refuseTakenName(db, auth, 'blueprint', { departmentId: body.departmentId, name: body.name });
  const [row] = await db.insert(blueprints).values(body).returning();
  return toBlueprint(row!);
}

export async function updateBlueprint(db: Db, auth: AuthContext, id: number, patch: BlueprintPatch): Promise<Blueprint> {
  const row = await writableBlueprint(db, auth, id);
  if (patch.name !== undefined) await refuseTakenName(db, auth, 'blueprint', { departmentId: row.departmentId, name: patch.name, exceptId: row.id });
  const [updated] = await db.update(blueprints).set(patch).where(eq(blueprints.id, row.id)).returning();
  return toBlueprint(updated!);
}

export async function deleteBlueprint(db: Db, auth: AuthContext, id: number) {
  const row = await writableBlueprint(db, auth, id);
  await refuseInUse(db, row);
  await db.delete(blueprints).where(eq(blueprints.id, row.id));
  return removed(row.id);
}
