import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { checkPermission, departmentLabel } from '../../core/rules/permissions';
import type { MacroCreate, MacroPatch } from '../../core/schemas/admin';
import type { Macro, MacroStep } from '../../core/schemas/template';
import { removed } from '../admin/removed';
import type { Db } from '../db/client';
import type { MacroRow } from '../db/rows';
import { departments, macros, templates } from '../db/schema';
import { ApiFailure, conflict, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { readableDepartments } from '../http/department-scope';

/** Loads a macro for a write: 404 when missing, 403 without settings.manage in its department. */
async function writableMacro(db: Db, auth: AuthContext, id: number): Promise<MacroRow> {
  const [row] = await db.select().from(macros).where(eq(macros.id, id)).for('update');
  if (!row) throw notFound(`Macro ${id}`);
  enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
  return row;
}

/**
 * Names are unique per department (case-insensitively, as agents pick them from a list). Locking the
 * department row makes two concurrent writers of one name take turns, so the second sees the first.
 */
async function refuseTakenName(db: Db, auth: AuthContext, departmentId: number, name: string, exceptId = 0) {
  await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId)).for('no key update');
  const [taken] = await db
    .select({ id: macros.id })
    .from(macros)
    .where(and(eq(macros.departmentId, departmentId), sql`lower(${macros.name}) = lower(${name})`, ne(macros.id, exceptId)));
  if (taken) {
    throw conflict(`Department ${departmentLabel(auth.access, departmentId)} already has a macro named "${name}"; pick another name.`, { macroId: taken.id });
  }
}

/** R-BULK-14: a macro is per department, so its replies use that department's own templates only. */
async function enforceOwnTemplates(db: Db, auth: AuthContext, departmentId: number, steps: MacroStep[]) {
  const wanted = [...new Set(steps.flatMap((s) => (s.type === 'send_reply' ? [s.templateId] : [])))];
  if (wanted.length === 0) return;
  const own = await db
    .select({ id: templates.id })
    .from(templates)
    .where(and(inArray(templates.id, wanted), eq(templates.departmentId, departmentId)));
  const ownIds = new Set(own.map((t) => t.id));
  const foreign = wanted.filter((id) => !ownIds.has(id));
  if (foreign.length === 0) return;
  const department = departmentLabel(auth.access, departmentId);
  const which = foreign.length === 1 ? `template ${foreign[0]} is not one of them` : `templates ${foreign.join(', ')} are not among them`;
  throw new ApiFailure(422, 'RULE_VIOLATION', `A macro of department ${department} can only reply with templates of department ${department}; ${which}.`, 'R-BULK-14', {
    templateIds: foreign,
  });
}

export async function listMacros(db: Db, auth: AuthContext, departmentId: number | undefined): Promise<Macro[]> {
  const ids = readableDepartments(auth, departmentId);
  if (ids.length === 0) return [];
  return db.select().from(macros).where(inArray(macros.departmentId, ids)).orderBy(asc(macros.departmentId), asc(macros.name));
}

export async function createMacro(db: Db, auth: AuthContext, body: MacroCreate): Promise<Macro> {
  enforce(checkPermission(auth.access, 'settings.manage', body.departmentId));
  await enforceOwnTemplates(db, auth, body.departmentId, body.steps);
  await refuseTakenName(db, auth, body.departmentId, body.name);
  const [row] = await db.insert(macros).values(body).returning();
  return row!;
}

export async function updateMacro(db: Db, auth: AuthContext, id: number, patch: MacroPatch): Promise<Macro> {
  const row = await writableMacro(db, auth, id);
  if (patch.steps) await enforceOwnTemplates(db, auth, row.departmentId, patch.steps);
  if (patch.name !== undefined) await refuseTakenName(db, auth, row.departmentId, patch.name, row.id);
  const [updated] = await db.update(macros).set(patch).where(eq(macros.id, row.id)).returning();
  return updated!;
}

export async function deleteMacro(db: Db, auth: AuthContext, id: number) {
  const row = await writableMacro(db, auth, id);
  await db.delete(macros).where(eq(macros.id, row.id));
  return removed(row.id);
}
