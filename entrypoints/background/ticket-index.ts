import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Ticket, WebmailProvider } from '../../core/schemas/ticket';
import type { OutboxEntry } from './outbox-entry';

export const threadKey = (provider: WebmailProvider, mailbox: string, threadId: string) =>
  `${provider}|${mailbox.toLowerCase()}|${threadId}`;

export type IndexedTicket = Ticket & { threadKeys: string[] };

interface InboxDeskDb extends DBSchema {
  tickets: { key: number; value: IndexedTicket; indexes: { threadKey: string; departmentId: number; status: string } };
  outbox: { key: number; value: OutboxEntry; indexes: { id: string } };
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

/**
 * The local copy of the tickets the agent may see, keyed for instant badge look-ups by webmail
 * thread; the backend stays the system of record.
 */
export class TicketIndex {
  constructor(readonly db: IndexDb) {}

  async upsert(tickets: Ticket[]): Promise<void> {
    if (tickets.length === 0) return;
    const tx = this.db.transaction('tickets', 'readwrite');
    for (const ticket of tickets) {
      const threadKeys = ticket.webmailThreads.map((w) => threadKey(w.provider, w.mailbox, w.threadId));
      const current = await tx.store.get(ticket.id);
      // A late sync page must not undo a newer write already applied from the outbox.
      if (!current || current.version <= ticket.version) await tx.store.put({ ...ticket, threadKeys });
    }
    await tx.done;
  }

  get(id: number): Promise<IndexedTicket | undefined> {
    return this.db.get('tickets', id);
  }

  /** Live tickets by thread id; trashed and merged-away ones show no badge. */
  async byThreads(provider: WebmailProvider, mailbox: string, threadIds: string[]): Promise<Map<string, IndexedTicket>> {
    const tx = this.db.transaction('tickets');
    const index = tx.store.index('threadKey');
    const found = new Map<string, IndexedTicket>();
    await Promise.all(
      threadIds.map(async (threadId) => {
        const ticket = await index.get(threadKey(provider, mailbox, threadId));
        if (ticket && !ticket.trashedAt && !ticket.mergedIntoId) found.set(threadId, ticket);
      }),
    );
    await tx.done;
    return found;
  }

  count(): Promise<number> {
    return this.db.count('tickets');
  }

  async clear(): Promise<void> {
    await this.db.clear('tickets');
    await this.db.delete('meta', 'syncCursor');
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.put('meta', value, key);
  }
}
