import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { customFieldProblems } from '../../core/rules/custom-field-values';
import type { Removed } from '../../core/schemas/api';
import type { CustomFieldCreate, CustomFieldDefinition, CustomFieldPatch } from '../../core/schemas/custom-field';
import type { CustomFieldValue } from '../../core/schemas/ticket';
import type { Db } from '../db/client';
import type { CustomFieldRow } from '../db/rows';
import { customFields, departments, tickets } from '../db/schema';
import { ApiFailure, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { managedDepartment, readableDepartments } from '../http/department-scope';

const toDefinition = (row: CustomFieldRow): CustomFieldDefinition => ({ ...row, type: row.type as CustomFieldDefinition['type'] });

export async function definitionsOf(db: Db, departmentId: number): Promise<CustomFieldDefinition[]> {
  const rows = await db.select().from(customFields).where(eq(customFields.departmentId, departmentId)).orderBy(asc(customFields.name), asc(customFields.id));
  return rows.map(toDefinition);
}

/** Every agent who sees the department's tickets sees its fields (the panel shows them). */
export async function listCustomFields(db: Db, auth: AuthContext, departmentId: number): Promise<CustomFieldDefinition[]> {
  readableDepartments(auth, departmentId);
  return definitionsOf(db, departmentId);
}

export async function createCustomField(db: Db, auth: AuthContext, departmentId: number, body: CustomFieldCreate): Promise<CustomFieldDefinition> {
  const department = await managedDepartment(db, auth, departmentId);
  const [taken] = await db
    .select({ id: customFields.id })
    .from(customFields)
    .where(and(eq(customFields.departmentId, departmentId), sql`lower(${customFields.key}) = lower(${body.key})`));
  if (taken) throw new ApiFailure(409, 'CONFLICT', `${department.name} already has a custom field with the key "${body.key}"; pick another key.`);
  const [row] = await db
    .insert(customFields)
    .values({ departmentId, ...body })
    .returning();
  return toDefinition(row!);
}

async function fieldOf(db: Db, auth: AuthContext, departmentId: number, fieldId: number): Promise<CustomFieldRow> {
  await managedDepartment(db, auth, departmentId);
  const [row] = await db
    .select()
    .from(customFields)
    .where(and(eq(customFields.id, fieldId), eq(customFields.departmentId, departmentId)));
  if (!row) throw notFound(`Custom field ${fieldId}`);
  return row;
}

/** Options taken away while tickets still hold them are refused by name: those tickets would hold a value the field no longer offers. */
async function refuseRemovedOptionsInUse(db: Db, row: CustomFieldRow, options: string[]) {
  const removed = row.options.filter((o) => !options.includes(o));
  if (row.type !== 'choice' || removed.length === 0) return;
  const [used] = await db
    .select({ number: tickets.number, value: sql<string>`${tickets.customFields} ->> ${row.key}::text` })
    .from(tickets)
    .where(and(eq(tickets.departmentId, row.departmentId), inArray(sql`${tickets.customFields} ->> ${row.key}::text`, removed)))
    .limit(1);
  if (used) {
    throw new ApiFailure(409, 'CONFLICT', `Ticket #${used.number} still has "${used.value}" in "${row.name}"; change those tickets (a mass update) before removing the option.`);
  }
}

export async function updateCustomField(db: Db, auth: AuthContext, departmentId: number, fieldId: number, patch: CustomFieldPatch): Promise<CustomFieldDefinition> {
  const row = await fieldOf(db, auth, departmentId, fieldId);
  if (patch.options !== undefined) {
    if (row.type !== 'choice' && patch.options.length > 0) throw new ApiFailure(422, 'VALIDATION', `"${row.name}" is not a single-choice field; it takes no options.`);
    if (row.type === 'choice' && patch.options.length === 0) throw new ApiFailure(422, 'VALIDATION', `"${row.name}" is a single-choice field; keep at least one option.`);
    await refuseRemovedOptionsInUse(db, row, patch.options);
  }
  const [updated] = await db.update(customFields).set(patch).where(eq(customFields.id, row.id)).returning();
  return toDefinition(updated!);
}

/** The field goes, and so do its values on the department's tickets: nothing is left that no field shows. */
export async function deleteCustomField(db: Db, auth: AuthContext, departmentId: number, fieldId: number): Promise<Removed> {
  const row = await fieldOf(db, auth, departmentId, fieldId);
  await db.transaction(async (tx) => {
    await tx
      .update(tickets)
      .set({ customFields: sql`${tickets.customFields} - ${row.key}::text` })
      .where(and(eq(tickets.departmentId, departmentId), sql`${tickets.customFields} ? ${row.key}::text`));
    await tx.delete(customFields).where(eq(customFields.id, row.id));
  });
  return { id: row.id, removed: true };
}

/**
 * The values a request sets on a ticket, checked against its department's fields: only those that
 * change are judged (a value kept from before a field was redefined is not the caller's doing), and
 * closing needs every required field filled.
 */
export async function enforceCustomFields(
  db: Db,
  target: { departmentId: number; number: number; current: Record<string, CustomFieldValue> },
  next: Record<string, CustomFieldValue> | undefined,
  closing: boolean,
) {
  if (next === undefined && !closing) return;
  const definitions = await definitionsOf(db, target.departmentId);
  const all = next ?? target.current;
  const changed = Object.fromEntries(Object.entries(all).filter(([k, v]) => JSON.stringify(target.current[k]) !== JSON.stringify(v)));
  const [department] = await db.select({ name: departments.name }).from(departments).where(eq(departments.id, target.departmentId));
  const problems = customFieldProblems(definitions, changed, {
    departmentName: department?.name ?? `Department ${target.departmentId}`,
    ...(closing ? { closing: { ticketNumber: target.number, all } } : {}),
  });
  if (problems.length > 0) throw new ApiFailure(422, 'VALIDATION', problems.join(' '), undefined, { problems });
}

/**
 * A bulk or mass "update a field" on custom.<key>: every department of the job that defines the
 * field must accept the value; tickets of departments without it fail one by one (mass: in SQL).
 */
export async function enforceCustomFieldUpdate(db: Db, departmentIds: number[], key: string, value: CustomFieldValue) {
  if (departmentIds.length === 0) return;
  const rows = await db
    .select({ field: customFields, departmentName: departments.name })
    .from(customFields)
    .innerJoin(departments, eq(departments.id, customFields.departmentId))
    .where(and(inArray(customFields.departmentId, departmentIds), eq(customFields.key, key)));
  if (rows.length === 0) {
    throw new ApiFailure(422, 'VALIDATION', `No department of this job has a custom field "${key}"; an admin defines fields on the options page.`);
  }
  const problems = rows.flatMap(({ field, departmentName }) => customFieldProblems([toDefinition(field)], { [key]: value }, { departmentName }));
  if (problems.length > 0) throw new ApiFailure(422, 'VALIDATION', [...new Set(problems)].join(' '), undefined, { problems });
}
