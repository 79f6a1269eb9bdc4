import { ApiCallError } from './api-client';
import { upgradeEntry, type OutboxEntry } from './outbox-entry';
import type { IndexDb } from './ticket-index';

const MAX_BACKOFF_MS = 5 * 60_000;

export type NewEntry = Pick<OutboxEntry, 'kind' | 'label' | 'contract' | 'params' | 'body'>;

export interface OutboxDeps {
  send(entry: OutboxEntry): Promise<unknown>;
  delivered(entry: OutboxEntry, response: unknown): Promise<void>;
  failed(entry: OutboxEntry): Promise<void>;
  /** Asks for another drain after a back-off; alarms cover the case where the worker dies first. */
  retryLater?(delayMs: number): void;
}

/**
 * Durable queue of writes: stored in IndexedDB before the first attempt, sent in order with the
 * entry id as Idempotency-Key, kept until the backend answered. A worker killed mid-send resends
 * the same key later, and the backend replays instead of applying twice.
 */
export class Outbox {
  private draining: Promise<void> | null = null;
  /** Answers of this worker life, so the caller that queued a write can show its result at once. */
  private readonly answers = new Map<string, unknown>();

  constructor(
    private readonly db: IndexDb,
    private readonly deps: OutboxDeps,
    private readonly now: () => number = Date.now,
  ) {}

  async add(entry: NewEntry): Promise<OutboxEntry> {
    const at = new Date(this.now()).toISOString();
    const stored: OutboxEntry = { ...entry, id: crypto.randomUUID(), status: 'pending', attempts: 0, lastError: null, createdAt: at, notBefore: at };
    const seq = await this.db.add('outbox', stored);
    return { ...stored, seq };
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const stored = await this.db.getFromIndex('outbox', 'id', id);
    return stored && upgradeEntry(stored);
  }

  /** In the order the writes were made. */
  async list(): Promise<OutboxEntry[]> {
    return (await this.db.getAll('outbox')).map(upgradeEntry);
  }

  async retry(id: string): Promise<boolean> {
    const entry = await this.get(id);
    if (!entry) return false;
    await this.db.put('outbox', { ...entry, status: 'pending', notBefore: new Date(this.now()).toISOString() });
    await this.drain();
    return true;
  }

  /** Drops a failed entry whose refusal its caller handles (nothing left for the agent to retry). */
  async forget(id: string): Promise<void> {
    const entry = await this.get(id);
    if (entry?.seq !== undefined) await this.db.delete('outbox', entry.seq);
  }

  /** The backend's answer to a delivered entry, once; undefined while it is still queued or failed. */
  takeAnswer(id: string): unknown {
    const answer = this.answers.get(id);
    this.answers.delete(id);
    return answer;
  }

  /** One drain at a time; callers that arrive meanwhile wait for the running one. */
  drain(): Promise<void> {
    this.draining ??= this.drainOnce().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async drainOnce(): Promise<void> {
    for (const entry of await this.list()) {
      if (entry.status !== 'pending') continue;
      if (Date.parse(entry.notBefore) > this.now()) return;
      const carryOn = await this.attempt(entry);
      // Later writes may depend on earlier ones (an edit after a create): keep the order.
      if (!carryOn) return;
    }
  }

  private async attempt(entry: OutboxEntry): Promise<boolean> {
    try {
      const response = await this.deps.send(entry);
      await this.db.delete('outbox', entry.seq!);
      this.answers.set(entry.id, response);
      await this.deps.delivered(entry, response);
      return true;
    } catch (error) {
      const failure = error instanceof ApiCallError ? error : null;
      const attempts = entry.attempts + 1;
      const lastError = failure?.error ?? { code: 'INTERNAL' as const, message: String(error) };
      if (failure && !failure.transient) {
        await this.db.put('outbox', { ...entry, attempts, lastError, status: 'failed' });
        await this.deps.failed(entry);
        return true;
      }
      const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 20));
      await this.db.put('outbox', { ...entry, attempts, lastError, notBefore: new Date(this.now() + backoff).toISOString() });
      this.deps.retryLater?.(backoff);
      return false;
    }
  }
}
