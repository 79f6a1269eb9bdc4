import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { checkPermission } from '../../core/rules/permissions';
import type { TemplateCreate, TemplatePatch } from '../../core/schemas/admin';
import type { Template } from '../../core/schemas/template';
import { PLACEHOLDERS, unknownPlaceholders } from '../../core/templates/placeholders';
import { refuseTakenName } from './unique-name';
import { removed } from '../admin/removed';
import type { Db } from '../db/client';
import type { TemplateRow } from '../db/rows';
import { jobs, macros, templates } from '../db/schema';
import { conflict, enforce, notFound, refusedWith } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { readableDepartments } from '../http/department-scope';
import { list, refusal } from '../../core/refusals/refusal';

/** R-REPLY-2: an unknown placeholder is refused when the template is saved, not when a reply is sent. */
function refuseUnknownPlaceholders(subject: string, body: string) {
  const unknown = unknownPlaceholders(`${subject} ${body}`);
  if (unknown.length === 0) return;
  const params = { unknown: list(unknown.map((u) => `{{${u}}}`)), known: list(PLACEHOLDERS.map((p) => `{{${p}}}`)) };
  throw refusedWith(422, 'RULE_VIOLATION', refusal('R-REPLY-2', 'reply.unknownTemplatePlaceholder', params), { placeholders: unknown });
}

/** R-BULK-14: a macro that replies with the template would fail on every ticket it runs on. */
async function refuseUsedByMacros(db: Db, template: TemplateRow) {
  const step = JSON.stringify([{ type: 'send_reply', templateId: template.id }]);
  // Macros send their own department's templates only (R-BULK-14), so no other department needs a look.
  const users = await db
    .select({ id: macros.id, name: macros.name })
    .from(macros)
    .where(and(eq(macros.departmentId, template.departmentId), sql`${macros.steps} @> ${step}::jsonb`))
    .orderBy(asc(macros.name));
  if (users.length === 0) return;
  const names = users.map((m) => `"${m.name}"`).join(', ');
  throw conflict(
    `Template "${template.name}" is sent by macro${users.length === 1 ? '' : 's'} ${names}. Change ${users.length === 1 ? 'that macro' : 'those macros'} to send another template first, then delete it.`,
    { macroIds: users.map((m) => m.id) },
  );
}

/** A bulk reply still sending reads the template for each ticket it has left; deleting it would fail them all. */
async function refuseUsedBySendingReplies(db: Db, template: TemplateRow) {
  const sending = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.operation, 'reply'), inArray(jobs.status, ['queued', 'running']), sql`${jobs.payload}->>'templateId' = ${String(template.id)}`))
    .orderBy(asc(jobs.id));
  if (sending.length === 0) return;
  throw conflict(
    `Template "${template.name}" is being sent by bulk reply job${sending.length === 1 ? '' : 's'} ${sending.map((j) => j.id).join(', ')}; delete it once ${sending.length === 1 ? 'that job has' : 'they have'} finished.`,
    { jobIds: sending.map((j) => j.id) },
  );
}

export async function listTemplates(db: Db, auth: AuthContext, departmentId: number | undefined): Promise<Template[]> {
  const ids = readableDepartments(auth, departmentId);
  if (ids.length === 0) return [];
  return db.select().from(templates).where(inArray(templates.departmentId, ids)).orderBy(asc(templates.name));
}

export async function createTemplate(db: Db, auth: AuthContext, body: TemplateCreate): Promise<Template> {
  enforce(checkPermission(auth.access, 'settings.manage', body.departmentId));
  refuseUnknownPlaceholders(body.subject, body.body);
  await refuseTakenName(db, auth, 'template', { departmentId: body.departmentId, name: body.name });
  const [row] = await db.insert(templates).values(body).returning();
  return row!;
}

/** Loads a template for a write: 404 when missing, 403 without settings.manage in its department. */
async function writableTemplate(db: Db, auth: AuthContext, id: number): Promise<TemplateRow> {
  const [row] = await db.select().from(templates).where(eq(templates.id, id)).for('update');
  if (!row) throw notFound(`Template ${id}`);
  enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
  return row;
}

export async function updateTemplate(db: Db, auth: AuthContext, id: number, patch: TemplatePatch): Promise<Template> {
  const row = await writableTemplate(db, auth, id);
  refuseUnknownPlaceholders(patch.subject ?? row.subject, patch.body ?? row.body);
  if (patch.name) await refuseTakenName(db, auth, 'template', { departmentId: row.departmentId, name: patch.name, exceptId: row.id });
  const [updated] = await db.update(templates).set(patch).where(eq(templates.id, row.id)).returning();
  return updated!;
}

export async function deleteTemplate(db: Db, auth: AuthContext, id: number) {
  const row = await writableTemplate(db, auth, id);
  await refuseUsedByMacros(db, row);
  await refuseUsedBySendingReplies(db, row);
  await db.delete(templates).where(eq(templates.id, row.id));
  return removed(row.id);
}
