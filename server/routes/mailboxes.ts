import { z } from 'zod';
import { IdParams } from '../../core/schemas/api';
import { IngestedMessage, Mailbox, MailboxCreate, MailboxDeleteResult, MailboxPatch, MailboxTest, MailboxTestResult, RecentQuery } from '../../core/schemas/mailbox';
import type { Api } from '../http/route';
import { removeMailbox } from '../mailboxes/mailbox-remove';
import { managedMailbox } from '../mailboxes/mailbox-scope';
import { addMailbox, listMailboxes, recentMessagesOf, updateMailbox } from '../mailboxes/mailboxes';
import { testDepartmentMailbox } from '../mailboxes/test-target';
import { ingestSettingRoutes } from './ingest-settings';

const tag = 'mailboxes';

/** The support mailboxes a department's mail is read from (mail ingestion); every route needs settings.manage there (R-PERM-5). */
export function mailboxRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/departments/:id/mailboxes', tag, summary: "The department's mailboxes with when each was last read and its last error (settings.manage); secrets are never returned", params: IdParams, response: z.object({ items: z.array(Mailbox) }) },
    async ({ db, auth, params }) => ({ items: await listMailboxes(db, auth, params.id) }),
  );
  api.add(
    { method: 'post', path: '/departments/:id/mailboxes', tag, summary: 'Add a mailbox to read: host, port, secure (implicit TLS), username, auth (password | oauth2), secret, folder (settings.manage)', params: IdParams, body: MailboxCreate, response: Mailbox, status: 201 },
    ({ db, auth, params, body }) => addMailbox(db, auth, params.id, body),
  );
  api.add(
    { method: 'patch', path: '/mailboxes/:id', tag, summary: 'Change a mailbox; without secret the saved one is kept, except that another host, port or TLS off needs it again; another host, user or folder is read from its start (settings.manage)', params: IdParams, body: MailboxPatch, response: Mailbox },
    ({ db, auth, params, body }) => updateMailbox(db, auth, params.id, body),
  );
  api.add(
    { method: 'delete', path: '/mailboxes/:id', tag, summary: 'Delete a mailbox that has read nothing; one that has read messages is turned off instead, keeping its record so nothing is read twice (settings.manage)', params: IdParams, response: MailboxDeleteResult },
    async ({ db, auth, params }) => removeMailbox(db, await managedMailbox(db, auth, params.id)),
  );
  api.add(
    {
      method: 'post',
      path: '/departments/:id/mailboxes/test',
      tag,
      summary: 'Sign in and list the folders: every connection field, or { mailboxId } of a saved mailbox with any fields being edited; a failure is { ok: false, message } (settings.manage)',
      params: IdParams,
      body: MailboxTest,
      response: MailboxTestResult,
      readOnly: true,
    },
    ({ db, auth, params, body }) => testDepartmentMailbox(db, auth, params.id, body),
  );
  api.add(
    { method: 'get', path: '/mailboxes/:id/recent', tag, summary: 'The last messages read from the mailbox, newest first: what each became (outcome), why (note) and its ticket number (settings.manage)', params: IdParams, query: RecentQuery, response: z.object({ items: z.array(IngestedMessage) }) },
    async ({ db, auth, params, query }) => ({ items: await recentMessagesOf(db, auth, params.id, query.limit) }),
  );
  ingestSettingRoutes(api);
}
