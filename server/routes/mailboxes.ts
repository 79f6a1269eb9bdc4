import { asc, eq } from 'drizzle-orm';
import * as contracts from '../../core/contracts';
import { mailboxes } from '../db/schema';
import { managedDepartment } from '../http/department-scope';
import type { Api } from '../http/route';
import { testConnection } from '../mailboxes/connection-test';
import { mailboxUpdate } from '../mailboxes/mailbox-changes';
import { removeMailbox } from '../mailboxes/mailbox-remove';
import { managedMailbox } from '../mailboxes/mailbox-scope';
import { mailboxView } from '../mailboxes/mailbox-view';
import { recentMessages } from '../mailboxes/recent-messages';
import { guardSecret } from '../mailboxes/secret-guard';
import { testTarget } from '../mailboxes/test-target';
import { ingestSettingRoutes } from './ingest-settings';

/** The support mailboxes a department's mail is read from (mail ingestion); every route needs settings.manage there (R-PERM-5). */
export function mailboxRoutes(api: Api) {
  api.add(
    contracts.mailboxes.list,
    async ({ db, auth, params }) => {
      await managedDepartment(db, auth, params.id);
      const rows = await db.select().from(mailboxes).where(eq(mailboxes.departmentId, params.id)).orderBy(asc(mailboxes.id));
      return { items: rows.map(mailboxView) };
    },
  );
  api.add(
    contracts.mailboxes.create,
    async ({ db, auth, params, body }) => {
      await managedDepartment(db, auth, params.id);
      const [row] = await db.insert(mailboxes).values({ ...body, departmentId: params.id }).returning();
      return mailboxView(row!);
    },
  );
  api.add(
    contracts.mailboxes.update,
    async ({ db, auth, params, body }) => {
      const row = await managedMailbox(db, auth, params.id);
      guardSecret(row, body);
      const [updated] = await db.update(mailboxes).set(mailboxUpdate(row, body)).where(eq(mailboxes.id, row.id)).returning();
      return mailboxView(updated!);
    },
  );
  api.add(
    contracts.mailboxes.remove,
    async ({ db, auth, params }) => removeMailbox(db, await managedMailbox(db, auth, params.id)),
  );
  api.add(
    contracts.mailboxes.test,
    async ({ db, auth, params, body }) => {
      await managedDepartment(db, auth, params.id);
      return testConnection(await testTarget(db, auth, params.id, body));
    },
  );
  api.add(
    contracts.mailboxes.recent,
    async ({ db, auth, params, query }) => {
      const row = await managedMailbox(db, auth, params.id);
      return { items: await recentMessages(db, row.id, query.limit) };
    },
  );
  ingestSettingRoutes(api);
}
