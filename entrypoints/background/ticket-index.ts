import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Ticket, WebmailProvider } from '../../core/schemas/ticket';
import type { StoredOutboxEntry } from './outbox-entry';

export const threadKey = (provider: WebmailProvider, mailbox: string, threadId: string) => `${provider}|${mailbox.toLowerCase()}|${threadId}`;

/** Where directory-cache.ts keeps colleagues and teams in the meta store; the dashboard reads names from it. */
export const DIRECTORY_KEY = 'directory';

/** The popup dashboard's snapshot (dashboard-snapshot.ts), versioned: one of an older shape is simply not found. */
export const DASHBOARD_SNAPSHOT_KEY = 'dashboardSnapshot.v1';

export type IndexedTicket = Ticket & { threadKeys: string[] };

/**
 * Meta key holding a fresh mark after every change to the tickets, written in the same transaction:
 * what is derived from them (the dashboard snapshot) is stale when its mark differs.
 */
export const TICKETS_CHANGED = 'ticketsChanged';
const changeMark = () => `${Date.now()}-${Math.random()}`;

/** A primary merged again later points further on; a cycle (corrupt data) must not loop forever. */
const MAX_MERGE_HOPS = 5;

interface InboxDeskDb extends DBSchema {
  tickets: { key: number; value: IndexedTicket; indexes: { threadKey: string; departmentId: number; status: string } };
  outbox: { key: number; value: StoredOutboxEntry; indexes: { id: string } };
  meta: { key: string; value: unknown };
}

export type IndexDb = IDBPDatabase<InboxDeskDb>;

export function openIndexDb(name = 'inbox-desk'): Promise<IndexDb> {
  return openDB<InboxDeskDb>(name, 1, {
    upgrade(db) {
      const tickets = db.createObjectStore('tickets', { keyPath: 'id' });
      tickets.createIndex('threadKey', 'threadKeys', { multiEntry: true });
      tickets.createIndex('departmentId', 'departmentId');
      tickets.createIndex('status', 'status');
      // Auto-incremented keys keep writes in the order they were made, even within one millisecond.
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('id', 'id', { unique: true });
      db.createObjectStore('meta');
    },
  });
}

const isLive = (t: IndexedTicket) => !t.trashedAt && !t.mergedIntoId;

/** The live ticket holding a thread; should two claim it, the one changed last (the newest claim) wins. */
function liveHolder(holders: IndexedTicket[]): IndexedTicket | undefined {
  return holders.filter(isLive).sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
}

/** The live primary a merged-away holder points at, following merges of merges a few steps. */
async function primaryOf(holders: IndexedTicket[], get: (id: number) => Promise<IndexedTicket | undefined>): Promise<IndexedTicket | undefined> {
  let next = holders.find((t) => t.mergedIntoId)?.mergedIntoId ?? null;
  for (let hop = 0; next !== null && hop < MAX_MERGE_HOPS; hop++) {
    const ticket = await get(next);
    if (!ticket || ticket.trashedAt) return undefined;
    if (!ticket.mergedIntoId) return ticket;
    next = ticket.mergedIntoId;
  }
  return undefined;
}

/**
 * The local copy of the tickets the agent may see, keyed for instant badge look-ups by webmail
 * thread; the backend stays the system of record.
 */
export class TicketIndex {
  constructor(readonly db: IndexDb) {}

  async upsert(tickets: Ticket[]): Promise<void> {
    if (tickets.length === 0) return;
    const tx = this.db.transaction(['tickets', 'meta'], 'readwrite');
    const store = tx.objectStore('tickets');
    let wrote = false;
    for (const ticket of tickets) {
      const threadKeys = ticket.webmailThreads.map((w) => threadKey(w.provider, w.mailbox, w.threadId));
      const current = await store.get(ticket.id);
      // A late sync page must not undo a newer write already applied from the outbox.
      if (!current || current.version <= ticket.version) {
        await store.put({ ...ticket, threadKeys });
        wrote = true;
      }
    }
    if (wrote) await tx.objectStore('meta').put(changeMark(), TICKETS_CHANGED);
    await tx.done;
  }

  get(id: number): Promise<IndexedTicket | undefined> {
    return this.db.get('tickets', id);
  }

  /**
   * Live tickets by thread id. Trashed tickets show no badge; a thread still held by a merged-away
   * ticket (its new links not synced yet) shows its primary's badge (R-MERGE-7).
   */
  async byThreads(provider: WebmailProvider, mailbox: string, threadIds: string[]): Promise<Map<string, IndexedTicket>> {
    const tx = this.db.transaction('tickets');
    const index = tx.store.index('threadKey');
    const found = new Map<string, IndexedTicket>();
    await Promise.all(
      threadIds.map(async (threadId) => {
        const holders = await index.getAll(threadKey(provider, mailbox, threadId));
        const ticket = liveHolder(holders) ?? (await primaryOf(holders, (id) => tx.store.get(id)));
        if (ticket) found.set(threadId, ticket);
      }),
    );
    await tx.done;
    return found;
  }

  /** R-BULK-11: a trashed ticket holding the thread (not merged away: that one lives on in its primary). */
  async trashedHolder(provider: WebmailProvider, mailbox: string, threadId: string): Promise<IndexedTicket | undefined> {
    const holders = await this.db.getAllFromIndex('tickets', 'threadKey', threadKey(provider, mailbox, threadId));
    return holders.filter((t) => t.trashedAt && !t.mergedIntoId).sort((a, b) => Date.parse(b.trashedAt!) - Date.parse(a.trashedAt!))[0];
  }

  /**
   * A delivered merge, before the sync brings the merged-away tickets: they stop holding their
   * threads at once, so their rows show the primary's badge. The version stays, so the sync's
   * newer copy replaces this one.
   */
  async markMerged(primaryId: number, mergedIds: number[]): Promise<void> {
    const tx = this.db.transaction(['tickets', 'meta'], 'readwrite');
    const store = tx.objectStore('tickets');
    for (const id of mergedIds) {
      const current = await store.get(id);
      if (current) await store.put({ ...current, mergedIntoId: primaryId, webmailThreads: [], threadKeys: [] });
    }
    await tx.objectStore('meta').put(changeMark(), TICKETS_CHANGED);
    await tx.done;
  }

  count(): Promise<number> {
    return this.db.count('tickets');
  }

  /** Forgets every ticket and what was derived from them: another agent's figures must never show. */
  async clear(): Promise<void> {
    await this.db.clear('tickets');
    for (const key of ['syncCursor', DASHBOARD_SNAPSHOT_KEY, DIRECTORY_KEY]) await this.db.delete('meta', key);
    await this.db.put('meta', changeMark(), TICKETS_CHANGED);
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.put('meta', value, key);
  }
}
