import { eq } from 'drizzle-orm';
import { DepartmentMail, DepartmentMailPatch } from '../../core/schemas/admin';
import { IdParams } from '../../core/schemas/api';
import { departments } from '../db/schema';
import { managedDepartment } from '../http/department-scope';
import type { Api } from '../http/route';
import type { DepartmentRow } from '../db/rows';

const tag = 'departments';

function describeSmtp(url: string | null): DepartmentMail['smtp'] {
  if (!url) return null;
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return { host: parsed.hostname, port: Number(parsed.port || (secure ? 465 : 587)), secure, user: parsed.username ? decodeURIComponent(parsed.username) : null };
}

const view = (row: DepartmentRow): DepartmentMail => ({ departmentId: row.id, smtp: describeSmtp(row.smtpUrl), fromAddresses: row.fromAddresses });

/** A department's own SMTP server and from-addresses (settings.manage); the password never leaves the server. */
export function departmentMailRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/departments/:id/mail', tag, summary: "Where the department's mail leaves from (settings.manage)", params: IdParams, response: DepartmentMail },
    async ({ db, auth, params }) => view(await managedDepartment(db, auth, params.id)),
  );
  api.add(
    {
      method: 'patch',
      path: '/departments/:id/mail',
      tag,
      summary: 'Set the department\'s own SMTP server (smtpUrl; null: the server\'s SMTP_URL) or from-addresses (settings.manage)',
      params: IdParams,
      body: DepartmentMailPatch,
      response: DepartmentMail,
    },
    async ({ db, auth, params, body }) => {
      await managedDepartment(db, auth, params.id);
      const [row] = await db.update(departments).set(body).where(eq(departments.id, params.id)).returning();
      return view(row!);
    },
  );
}
