import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkPermission, departmentLabel } from '../../core/rules/permissions';
import { MacroCreate, MacroPatch } from '../../core/schemas/admin';
import { DepartmentQuery, IdParams } from '../../core/schemas/api';
import { Macro, type MacroStep } from '../../core/schemas/template';
import { Removed, removed } from '../admin/removed';
import type { Db } from '../db/client';
import { departments, macros, templates } from '../db/schema';
import { ApiFailure, conflict, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import type { Api } from '../http/route';
import { readableDepartments } from '../http/department-scope';
import type { MacroRow } from '../db/rows';

const tag = 'macros';

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
  throw new ApiFailure(
    422,
    'RULE_VIOLATION',
    `A macro of department ${department} can only reply with templates of department ${department}; ${which}.`,
    'R-BULK-14',
    { templateIds: foreign },
  );
}

async function listMacros(db: Db, auth: AuthContext, departmentId: number | undefined): Promise<Macro[]> {
  const ids = readableDepartments(auth, departmentId);
  if (ids.length === 0) return [];
  return db.select().from(macros).where(inArray(macros.departmentId, ids)).orderBy(asc(macros.departmentId), asc(macros.name));
}

async function createMacro(db: Db, auth: AuthContext, body: MacroCreate): Promise<Macro> {
  enforce(checkPermission(auth.access, 'settings.manage', body.departmentId));
  await enforceOwnTemplates(db, auth, body.departmentId, body.steps);
  await refuseTakenName(db, auth, body.departmentId, body.name);
  const [row] = await db.insert(macros).values(body).returning();
  return row!;
}

async function updateMacro(db: Db, auth: AuthContext, id: number, patch: MacroPatch): Promise<Macro> {
  const row = await writableMacro(db, auth, id);
  if (patch.steps) await enforceOwnTemplates(db, auth, row.departmentId, patch.steps);
  if (patch.name !== undefined) await refuseTakenName(db, auth, row.departmentId, patch.name, row.id);
  const [updated] = await db.update(macros).set(patch).where(eq(macros.id, row.id)).returning();
  return updated!;
}

async function deleteMacro(db: Db, auth: AuthContext, id: number) {
  const row = await writableMacro(db, auth, id);
  await db.delete(macros).where(eq(macros.id, row.id));
  return removed(row.id);
}

export function macroRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/macros', tag, summary: 'Macros (named lists of steps) of your departments', query: DepartmentQuery, response: z.object({ items: z.array(Macro) }) },
    async ({ db, auth, query }) => ({ items: await listMacros(db, auth, query.departmentId) }),
  );
  api.add(
    { method: 'post', path: '/macros', tag, summary: 'Create a macro (needs settings.manage)', body: MacroCreate, response: Macro, status: 201 },
    ({ db, auth, body }) => createMacro(db, auth, body),
  );
  api.add(
    { method: 'patch', path: '/macros/:id', tag, summary: 'Rename a macro or replace its steps (needs settings.manage)', params: IdParams, body: MacroPatch, response: Macro },
    ({ db, auth, params, body }) => updateMacro(db, auth, params.id, body),
  );
  api.add(
    { method: 'delete', path: '/macros/:id', tag, summary: 'Delete a macro (needs settings.manage)', params: IdParams, response: Removed },
    ({ db, auth, params }) => deleteMacro(db, auth, params.id),
  );
}
