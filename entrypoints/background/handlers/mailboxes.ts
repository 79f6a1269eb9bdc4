import { z } from 'zod';
import { IngestedMessage, IngestSettings, Mailbox, MailboxDeleteResult, MailboxTestResult } from '../../../core/schemas/mailbox';
import type { Handlers } from '../router';
import { backend } from '../services';

/** The server may take 15 s to give up on a silent IMAP server; the request waits a little longer. */
const TEST_TIMEOUT_MS = 20_000;
/** Enough for the admin to see what the last polls did; the full record stays on the server. */
const RECENT_LIMIT = 20;

const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/**
 * Mail ingestion settings, as direct calls like the other department settings: a queued write
 * would keep the mailbox secret in IndexedDB until it was delivered.
 */
export const mailboxHandlers: Handlers<
  'mailboxes.list' | 'mailboxes.create' | 'mailboxes.update' | 'mailboxes.remove' | 'mailboxes.test' | 'mailboxes.recent' | 'ingestSettings.get' | 'ingestSettings.set'
> = {
  'mailboxes.list': ({ departmentId }) => backend(async (api) => Items(Mailbox).parse(await api.get(`departments/${departmentId}/mailboxes`).json())),
  'mailboxes.create': ({ departmentId, mailbox }) => backend(async (api) => Mailbox.parse(await api.post(`departments/${departmentId}/mailboxes`, { json: mailbox }).json())),
  'mailboxes.update': ({ id, changes }) => backend(async (api) => Mailbox.parse(await api.patch(`mailboxes/${id}`, { json: changes }).json())),
  'mailboxes.remove': ({ id }) => backend(async (api) => MailboxDeleteResult.parse(await api.delete(`mailboxes/${id}`).json())),
  'mailboxes.test': ({ departmentId, connection }) =>
    backend(async (api) => MailboxTestResult.parse(await api.post(`departments/${departmentId}/mailboxes/test`, { json: connection, timeout: TEST_TIMEOUT_MS }).json())),
  'mailboxes.recent': ({ id }) => backend(async (api) => Items(IngestedMessage).parse(await api.get(`mailboxes/${id}/recent`, { searchParams: { limit: RECENT_LIMIT } }).json())),
  'ingestSettings.get': ({ departmentId }) => backend(async (api) => IngestSettings.parse(await api.get(`departments/${departmentId}/ingest-settings`).json())),
  'ingestSettings.set': ({ departmentId, settings }) =>
    backend(async (api) => IngestSettings.parse(await api.patch(`departments/${departmentId}/ingest-settings`, { json: settings }).json())),
};
