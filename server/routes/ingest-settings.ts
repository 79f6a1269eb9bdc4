import { eq } from 'drizzle-orm';
import * as contracts from '../../core/contracts';
import { IngestSettings } from '../../core/schemas/mailbox';
import { departments } from '../db/schema';
import { managedDepartment } from '../http/department-scope';
import type { Api } from '../http/route';

const view = (row: typeof departments.$inferSelect): IngestSettings => ({ reopenOnReply: row.reopenOnReply, maxAttachmentBytes: row.maxAttachmentBytes });

/** How a department treats the mail its mailboxes read (settings.manage, R-PERM-1). */
export function ingestSettingRoutes(api: Api) {
  api.add(
    contracts.mailboxes.ingestSettings,
    async ({ db, auth, params }) => view(await managedDepartment(db, auth, params.id)),
  );
  api.add(
    contracts.mailboxes.setIngestSettings,
    async ({ db, auth, params, body }) => {
      await managedDepartment(db, auth, params.id);
      const [row] = await db.update(departments).set(body).where(eq(departments.id, params.id)).returning();
      return view(row!);
    },
  );
}
