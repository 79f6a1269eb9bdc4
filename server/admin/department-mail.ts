import { eq } from 'drizzle-orm';
import type { DepartmentMail, DepartmentMailPatch } from '../../core/schemas/admin';
import type { Db } from '../db/client';
import type { DepartmentRow } from '../db/rows';
import { departments } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';

/** The SMTP server as an admin may see it: host, port, TLS and user, never the password. */
function describeSmtp(url: string | null): DepartmentMail['smtp'] {
  if (!url) return null;
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return { host: parsed.hostname, port: Number(parsed.port || (secure ? 465 : 587)), secure, user: parsed.username ? decodeURIComponent(parsed.username) : null };
}

const view = (row: DepartmentRow): DepartmentMail => ({ departmentId: row.id, smtp: describeSmtp(row.smtpUrl), fromAddresses: row.fromAddresses });

export async function departmentMail(db: Db, auth: AuthContext, departmentId: number): Promise<DepartmentMail> {
  return view(await managedDepartment(db, auth, departmentId));
}

export async function setDepartmentMail(db: Db, auth: AuthContext, departmentId: number, patch: DepartmentMailPatch): Promise<DepartmentMail> {
  await managedDepartment(db, auth, departmentId);
  const [row] = await db.update(departments).set(patch).where(eq(departments.id, departmentId)).returning();
  return view(row!);
}
