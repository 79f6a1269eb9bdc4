import { mailboxes } from '../../../core/contracts/mailboxes';
import type { Handlers } from '../router';
import { call } from '../services';

/** The server may take 15 s to give up on a silent IMAP server; the request waits a little longer. */
const TEST_TIMEOUT_MS = 20_000;
/** Enough for the admin to see what the last polls did; the full record stays on the server. */
const RECENT_LIMIT = 20;

/**
 * Mail ingestion settings, as direct calls like the other department settings: a queued write
 * would keep the mailbox secret in IndexedDB until it was delivered.
 */
export const mailboxHandlers: Handlers<
  'mailboxes.list' | 'mailboxes.create' | 'mailboxes.update' | 'mailboxes.remove' | 'mailboxes.test' | 'mailboxes.recent' | 'ingestSettings.get' | 'ingestSettings.set'
> = {
  'mailboxes.list': ({ departmentId }) => call(mailboxes.list, { params: { id: departmentId } }),
  'mailboxes.create': ({ departmentId, mailbox }) => call(mailboxes.create, { params: { id: departmentId }, body: mailbox }),
  'mailboxes.update': ({ id, changes }) => call(mailboxes.update, { params: { id }, body: changes }),
  'mailboxes.remove': ({ id }) => call(mailboxes.remove, { params: { id } }),
  'mailboxes.test': ({ departmentId, connection }) => call(mailboxes.test, { params: { id: departmentId }, body: connection }, { timeout: TEST_TIMEOUT_MS }),
  'mailboxes.recent': ({ id }) => call(mailboxes.recent, { params: { id }, query: { limit: RECENT_LIMIT } }),
  'ingestSettings.get': ({ departmentId }) => call(mailboxes.ingestSettings, { params: { id: departmentId } }),
  'ingestSettings.set': ({ departmentId, settings }) => call(mailboxes.setIngestSettings, { params: { id: departmentId }, body: settings }),
};
