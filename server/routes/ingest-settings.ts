import { IdParams } from '../../core/schemas/api';
import { IngestSettings, IngestSettingsPatch } from '../../core/schemas/mailbox';
import type { Api } from '../http/route';
import { ingestSettings, setIngestSettings } from '../mailboxes/ingest-settings';

/** How a department treats the mail its mailboxes read (settings.manage, R-PERM-1). */
export function ingestSettingRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/departments/:id/ingest-settings', tag: 'mailboxes', summary: 'Whether a reply reopens a closed ticket, and the largest attachment kept (settings.manage)', params: IdParams, response: IngestSettings },
    ({ db, auth, params }) => ingestSettings(db, auth, params.id),
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
    ({ db, auth, params, body }) => setIngestSettings(db, auth, params.id, body),
  );
}
