import { eq } from 'drizzle-orm';
import type { DepartmentMail, DepartmentMailPatch } from '../../core/schemas/admin';
import type { Db } from '../db/client';
import type { DepartmentRow } from '../db/rows';
import { departments } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';
import { smtpSetting } from '../secrets/setting-names';
import { openSecret, sealSecret } from '../secrets/stored-secrets';

/** The SMTP server as an admin may see it: host, port, TLS and user, never the password. */
function describeSmtp(row: DepartmentRow): DepartmentMail['smtp'] {
  if (!row.smtpUrl) return null;
  const parsed = new URL(openSecret(row.smtpUrl, smtpSetting(row)));
  const secure = parsed.protocol === 'smtps:';
  return { host: parsed.hostname, port: Number(parsed.port || (secure ? 465 : 587)), secure, user: parsed.username ? decodeURIComponent(parsed.username) : null };
}

const view = (row: DepartmentRow): DepartmentMail => ({ departmentId: row.id, smtp: describeSmtp(row), fromAddresses: row.fromAddresses });

export async function departmentMail(db: Db, auth: AuthContext, departmentId: number): Promise<DepartmentMail> {
  return view(await managedDepartment(db, auth, departmentId));
}

export async function setDepartmentMail(db: Db, auth: AuthContext, departmentId: number, patch: DepartmentMailPatch): Promise<DepartmentMail> {
  await managedDepartment(db, auth, departmentId);
  // The whole URL is encrypted: its user and password are the secret, and one value stays one column.
  const { smtpUrl, ...rest } = patch;
  const update = { ...rest, ...(smtpUrl === undefined ? {} : { smtpUrl: smtpUrl === null ? null : sealSecret(smtpUrl) }) };
  const [row] = await db.update(departments).set(update).where(eq(departments.id, departmentId)).returning();
  return view(row!);
}
