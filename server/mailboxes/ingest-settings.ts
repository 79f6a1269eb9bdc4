import { eq } from 'drizzle-orm';
import type { IngestSettings, IngestSettingsPatch } from '../../core/schemas/mailbox';
import type { Db } from '../db/client';
import type { DepartmentRow } from '../db/rows';
import { departments } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';

const view = (row: DepartmentRow): IngestSettings => ({ reopenOnReply: row.reopenOnReply, maxAttachmentBytes: row.maxAttachmentBytes });

export async function ingestSettings(db: Db, auth: AuthContext, departmentId: number): Promise<IngestSettings> {
  return view(await managedDepartment(db, auth, departmentId));
}

export async function setIngestSettings(db: Db, auth: AuthContext, departmentId: number, patch: IngestSettingsPatch): Promise<IngestSettings> {
  await managedDepartment(db, auth, departmentId);
  const [row] = await db.update(departments).set(patch).where(eq(departments.id, departmentId)).returning();
  return view(row!);
}
