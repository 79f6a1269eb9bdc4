import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { ingestSettings, setIngestSettings } from '../mailboxes/ingest-settings';

export function ingestSettingRoutes(api: Api) {
  api.add(contracts.mailboxes.ingestSettings, ({ db, auth, params }) => ingestSettings(db, auth, params.id));
  api.add(contracts.mailboxes.setIngestSettings, ({ db, auth, params, body }) => setIngestSettings(db, auth, params.id, body));
}
