import { eq } from 'drizzle-orm';
import * as contracts from '../../core/contracts';
import { DepartmentMail } from '../../core/schemas/admin';
import { departments } from '../db/schema';
import { managedDepartment } from '../http/department-scope';
import type { Api } from '../http/route';

function describeSmtp(url: string | null): DepartmentMail['smtp'] {
  if (!url) return null;
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return { host: parsed.hostname, port: Number(parsed.port || (secure ? 465 : 587)), secure, user: parsed.username ? decodeURIComponent(parsed.username) : null };
}

const view = (row: typeof departments.$inferSelect): DepartmentMail => ({ departmentId: row.id, smtp: describeSmtp(row.smtpUrl), fromAddresses: row.fromAddresses });

/** A department's own SMTP server and from-addresses (settings.manage); the password never leaves the server. */
export function departmentMailRoutes(api: Api) {
  api.add(
    contracts.departments.mail,
    async ({ db, auth, params }) => view(await managedDepartment(db, auth, params.id)),
  );
  api.add(
    contracts.departments.setMail,
    async ({ db, auth, params, body }) => {
      await managedDepartment(db, auth, params.id);
      const [row] = await db.update(departments).set(body).where(eq(departments.id, params.id)).returning();
      return view(row!);
    },
  );
}
