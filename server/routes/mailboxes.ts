import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { addMailbox, listMailboxes, recentMessagesOf, removeManagedMailbox, updateMailbox } from '../mailboxes/mailboxes';
import { testDepartmentMailbox } from '../mailboxes/test-target';
import { ingestSettingRoutes } from './ingest-settings';

export function mailboxRoutes(api: Api) {
  api.add(contracts.mailboxes.list, async ({ db, auth, params }) => ({ items: await listMailboxes(db, auth, params.id) }));
  api.add(contracts.mailboxes.create, ({ db, auth, params, body }) => addMailbox(db, auth, params.id, body));
  api.add(contracts.mailboxes.update, ({ db, auth, params, body }) => updateMailbox(db, auth, params.id, body));
  api.add(contracts.mailboxes.remove, ({ db, auth, params }) => removeManagedMailbox(db, auth, params.id));
  api.add(contracts.mailboxes.test, ({ db, auth, params, body }) => testDepartmentMailbox(db, auth, params.id, body));
  api.add(contracts.mailboxes.recent, async ({ db, auth, params, query }) => ({ items: await recentMessagesOf(db, auth, params.id, query.limit) }));
  ingestSettingRoutes(api);
}
