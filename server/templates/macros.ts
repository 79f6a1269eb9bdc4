import { and, asc, eq, inArray } from 'drizzle-orm';
import { checkPermission, departmentLabel } from '../../core/rules/permissions';
import type { MacroCreate, MacroPatch } from '../../core/schemas/admin';
import type { Macro, MacroStep } from '../../core/schemas/template';
import { refuseTakenName } from './unique-name';
import { removed } from '../admin/removed';
import type { Db } from '../db/client';
import type { MacroRow } from '../db/rows';
import { macros, templates } from '../db/schema';
import { enforce, notFound, refusedWith } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { readableDepartments } from '../http/department-scope';
import { list, phrase, refusal } from '../../core/refusals/refusal';

/** Loads a macro for a write: 404 when missing, 403 without settings.manage in its department. */
async function writableMacro(db: Db, auth: AuthContext, id: number): Promise<MacroRow> {
  const [row] = await db.select().from(macros).where(eq(macros.id, id)).for('update');
  if (!row) throw notFound(`Macro ${id}`);
  enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
  return row;
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
  const which = foreign.length === 1 ? phrase('macro.foreignTemplate', { template: foreign[0]! }) : phrase('macro.foreignTemplates', { templates: list(foreign) });
  throw refusedWith(422, 'RULE_VIOLATION', refusal('R-BULK-14', 'macro.templateDepartment', { department, which }), { templateIds: foreign });
}

export async function listMacros(db: Db, auth: AuthContext, departmentId: number | undefined): Promise<Macro[]> {
  const ids = readableDepartments(auth, departmentId);
  if (ids.length === 0) return [];
  return db.select().from(macros).where(inArray(macros.departmentId, ids)).orderBy(asc(macros.departmentId), asc(macros.name));
}

export async function createMacro(db: Db, auth: AuthContext, body: MacroCreate): Promise<Macro> {
  enforce(checkPermission(auth.access, 'settings.manage', body.departmentId));
  await enforceOwnTemplates(db, auth, body.departmentId, body.steps);
  await refuseTakenName(db, auth, 'macro', { departmentId: body.departmentId, name: body.name });
  const [row] = await db.insert(macros).values(body).returning();
  return row!;
}

export async function updateMacro(db: Db, auth: AuthContext, id: number, patch: MacroPatch): Promise<Macro> {
  const row = await writableMacro(db, auth, id);
  if (patch.steps) await enforceOwnTemplates(db, auth, row.departmentId, patch.steps);
  if (patch.name !== undefined) await refuseTakenName(db, auth, 'macro', { departmentId: row.departmentId, name: patch.name, exceptId: row.id });
  const [updated] = await db.update(macros).set(patch).where(eq(macros.id, row.id)).returning();
  return updated!;
}

export async function deleteMacro(db: Db, auth: AuthContext, id: number) {
  const row = await writableMacro(db, auth, id);
  await db.delete(macros).where(eq(macros.id, row.id));
  return removed(row.id);
}
