import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkPermission, departmentLabel } from '../../core/rules/permissions';
import { TemplateCreate, TemplatePatch } from '../../core/schemas/admin';
import { DepartmentQuery, IdParams } from '../../core/schemas/api';
import { Template } from '../../core/schemas/template';
import { PLACEHOLDERS, unknownPlaceholders } from '../../core/templates/placeholders';
import { Removed, removed } from '../admin/removed';
import type { Db } from '../db/client';
import { jobs, macros, templates } from '../db/schema';
import { ApiFailure, conflict, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import type { Api } from '../http/route';
import { readableDepartments } from '../http/department-scope';
import type { TemplateRow } from '../db/rows';

const tag = 'templates';

/** R-REPLY-2: an unknown placeholder is refused when the template is saved, not when a reply is sent. */
function refuseUnknownPlaceholders(subject: string, body: string) {
  const unknown = unknownPlaceholders(`${subject} ${body}`);
  if (unknown.length === 0) return;
  throw new ApiFailure(
    422,
    'RULE_VIOLATION',
    `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}; a template may use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
    'R-REPLY-2',
    { placeholders: unknown },
  );
}

async function refuseTakenName(db: Db, auth: AuthContext, departmentId: number, name: string, exceptId = 0) {
  const [taken] = await db
    .select({ id: templates.id })
    .from(templates)
    .where(and(eq(templates.departmentId, departmentId), sql`lower(${templates.name}) = lower(${name})`, ne(templates.id, exceptId)));
  if (taken) throw conflict(`Department ${departmentLabel(auth.access, departmentId)} already has a template named "${name}"; pick another name.`, { templateId: taken.id });
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

export function templateRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/templates', tag, summary: 'Reply templates of your departments', query: DepartmentQuery, response: z.object({ items: z.array(Template) }) },
    async ({ db, auth, query }) => {
      const ids = readableDepartments(auth, query.departmentId);
      if (ids.length === 0) return { items: [] };
      return { items: await db.select().from(templates).where(inArray(templates.departmentId, ids)).orderBy(asc(templates.name)) };
    },
  );
  api.add(
    { method: 'post', path: '/templates', tag, summary: 'Create a reply template (settings.manage); unknown placeholders are refused (R-REPLY-2)', body: TemplateCreate, response: Template, status: 201 },
    async ({ db, auth, body }) => {
      enforce(checkPermission(auth.access, 'settings.manage', body.departmentId));
      refuseUnknownPlaceholders(body.subject, body.body);
      await refuseTakenName(db, auth, body.departmentId, body.name);
      const [row] = await db.insert(templates).values(body).returning();
      return row!;
    },
  );
  api.add(
    { method: 'patch', path: '/templates/:id', tag, summary: 'Change a reply template (settings.manage)', params: IdParams, body: TemplatePatch, response: Template },
    async ({ db, auth, params, body }) => {
      const [row] = await db.select().from(templates).where(eq(templates.id, params.id)).for('update');
      if (!row) throw notFound(`Template ${params.id}`);
      enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
      refuseUnknownPlaceholders(body.subject ?? row.subject, body.body ?? row.body);
      if (body.name) await refuseTakenName(db, auth, row.departmentId, body.name, row.id);
      const [updated] = await db.update(templates).set(body).where(eq(templates.id, row.id)).returning();
      return updated!;
    },
  );
  api.add(
    { method: 'delete', path: '/templates/:id', tag, summary: 'Delete a reply template no macro and no unfinished bulk reply sends (settings.manage)', params: IdParams, response: Removed },
    async ({ db, auth, params }) => {
      const [row] = await db.select().from(templates).where(eq(templates.id, params.id)).for('update');
      if (!row) throw notFound(`Template ${params.id}`);
      enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
      await refuseUsedByMacros(db, row);
      await refuseUsedBySendingReplies(db, row);
      await db.delete(templates).where(eq(templates.id, row.id));
      return removed(row.id);
    },
  );
}
