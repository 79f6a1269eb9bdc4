import { IdParams, itemsOf } from '../schemas/api';
import {
  IngestedMessage,
  IngestSettings,
  IngestSettingsPatch,
  Mailbox,
  MailboxCreate,
  MailboxDeleteResult,
  MailboxPatch,
  MailboxTest,
  MailboxTestResult,
  RecentQuery,
} from '../schemas/mailbox';
import { resource } from './contract';

/** The support mailboxes a department's mail is read from (mail ingestion); every route needs settings.manage there (R-PERM-5). */
export const mailboxes = resource('mailboxes', 'mailboxes', {
  list: {
    method: 'get',
    path: '/departments/:id/mailboxes',
    summary: "The department's mailboxes with when each was last read and its last error (settings.manage); secrets are never returned",
    params: IdParams,
    response: itemsOf(Mailbox),
  },
  create: {
    method: 'post',
    path: '/departments/:id/mailboxes',
    summary: 'Add a mailbox to read: host, port, secure (implicit TLS), username, auth (password | oauth2), secret, folder (settings.manage)',
    params: IdParams,
    body: MailboxCreate,
    response: Mailbox,
    status: 201,
  },
  update: {
    method: 'patch',
    path: '/mailboxes/:id',
    summary:
      'Change a mailbox; without secret the saved one is kept, except that another host, port or TLS off needs it again; another host, user or folder is read from its start (settings.manage)',
    params: IdParams,
    body: MailboxPatch,
    response: Mailbox,
  },
  remove: {
    method: 'delete',
    path: '/mailboxes/:id',
    summary: 'Delete a mailbox that has read nothing; one that has read messages is turned off instead, keeping its record so nothing is read twice (settings.manage)',
    params: IdParams,
    response: MailboxDeleteResult,
  },
  test: {
    method: 'post',
    path: '/departments/:id/mailboxes/test',
    summary:
      'Sign in and list the folders: every connection field, or { mailboxId } of a saved mailbox with any fields being edited; a failure is { ok: false, message } (settings.manage)',
    params: IdParams,
    body: MailboxTest,
    response: MailboxTestResult,
    readOnly: true,
  },
  recent: {
    method: 'get',
    path: '/mailboxes/:id/recent',
    summary: 'The last messages read from the mailbox, newest first: what each became (outcome), why (note) and its ticket number (settings.manage)',
    params: IdParams,
    query: RecentQuery,
    response: itemsOf(IngestedMessage),
  },
  /** How a department treats the mail its mailboxes read (settings.manage, R-PERM-1). */
  ingestSettings: {
    method: 'get',
    path: '/departments/:id/ingest-settings',
    summary: 'Whether a reply reopens a closed ticket, and the largest attachment kept (settings.manage)',
    params: IdParams,
    response: IngestSettings,
  },
  setIngestSettings: {
    method: 'patch',
    path: '/departments/:id/ingest-settings',
    summary: 'Set reopenOnReply and maxAttachmentBytes (1 KB–50 MB) of ingested mail (settings.manage)',
    params: IdParams,
    body: IngestSettingsPatch,
    response: IngestSettings,
  },
});
