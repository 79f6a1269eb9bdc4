import { and, eq, ne, sql } from 'drizzle-orm';
import { departmentLabel } from '../../core/rules/permissions';
import type { Db } from '../db/client';
import { blueprints, departments, macros, templates } from '../db/schema';
import { conflict } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';

const kinds = {
  template: { table: templates, idField: 'templateId' },
  macro: { table: macros, idField: 'macroId' },
  blueprint: { table: blueprints, idField: 'blueprintId' },
} as const;

/**
 * Names are unique per department (case-insensitively, as agents pick them from a list). Locking the
 * department row makes two concurrent writers of one name take turns, so the second sees the first.
 */
export async function refuseTakenName(db: Db, auth: AuthContext, kind: keyof typeof kinds, target: { departmentId: number; name: string; exceptId?: number }) {
  const { table, idField } = kinds[kind];
  const { departmentId, name, exceptId = 0 } = target;
  await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId)).for('no key update');
  const [taken] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.departmentId, departmentId), sql`lower(${table.name}) = lower(${name})`, ne(table.id, exceptId)));
  if (taken) throw conflict(`Department ${departmentLabel(auth.access, departmentId)} already has a ${kind} named "${name}"; pick another name.`, { [idField]: taken.id });
}
