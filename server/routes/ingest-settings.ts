import { eq } from 'drizzle-orm';
import { IdParams } from '../../core/schemas/api';
import { IngestSettings, IngestSettingsPatch } from '../../core/schemas/mailbox';
import { departments } from '../db/schema';
import { managedDepartment } from '../http/department-scope';
import type { Api } from '../http/route';
import type { DepartmentRow } from '../db/rows';

const view = (row: DepartmentRow): IngestSettings => ({ reopenOnReply: row.reopenOnReply, maxAttachmentBytes: row.maxAttachmentBytes });

/** How a department treats the mail its mailboxes read (settings.manage, R-PERM-1). */
export function ingestSettingRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/departments/:id/ingest-settings', tag: 'mailboxes', summary: 'Whether a reply reopens a closed ticket, and the largest attachment kept (settings.manage)', params: IdParams, response: IngestSettings },
    async ({ db, auth, params }) => view(await managedDepartment(db, auth, params.id)),
  );
  api.add(
    {
      method: 'patch',
      path: '/departments/:id/ingest-settings',
      tag: 'mailboxes',
      summary: 'Set reopenOnReply and maxAttachmentBytes (1 KB–50 MB) of ingested mail (settings.manage)',
      params: IdParams,
      body: IngestSettingsPatch,
      response: IngestSettings,
    },
    async ({ db, auth, params, body }) => {
      await managedDepartment(db, auth, params.id);
      const [row] = await db.update(departments).set(body).where(eq(departments.id, params.id)).returning();
      return view(row!);
    },
  );
}
