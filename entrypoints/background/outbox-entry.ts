import type { MessageError, OutboxEntryView } from '../../core/schemas/messages';

/** One write waiting to reach the backend; its id is the Idempotency-Key, so resending is harmless. */
export interface OutboxEntry {
  /** Queue position, assigned by IndexedDB on insert. */
  seq?: number;
  id: string;
  kind: OutboxEntryView['kind'];
  /** What the agent did, in words for the failure list. */
  label: string;
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  body: unknown;
  status: 'pending' | 'failed';
  attempts: number;
  lastError: MessageError | null;
  createdAt: string;
  /** No new attempt before this time (back-off after transient failures). */
  notBefore: string;
}
