import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../core/schemas/ticket';
import { DASHBOARD_SNAPSHOT_KEY, DIRECTORY_KEY, openIndexDb, TicketIndex } from '../../../entrypoints/background/ticket-index';
import { makeTicket } from '../../core/rules/fixtures';

let n = 0;
const ticket = (id: number, over: Partial<Ticket> = {}): Ticket =>
  makeTicket({ id, number: 1000 + id, webmailThreads: [{ provider: 'gmail', mailbox: 'Support@Acme.test', threadId: `thread${id}` }], ...over });

describe('ticket index', () => {
  it('finds tickets by webmail thread, mailbox compared case-insensitively', async () => {
    const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
    await index.upsert([ticket(1), ticket(2), ticket(3, { webmailThreads: [] })]);
    const found = await index.byThreads('gmail', 'support@acme.test', ['thread1', 'thread2', 'thread3', 'nope']);
    expect([...found.keys()].sort()).toEqual(['thread1', 'thread2']);
    expect(found.get('thread1')!.number).toBe(1001);
    expect((await index.byThreads('outlook', 'support@acme.test', ['thread1'])).size).toBe(0);
  });

  it('shows no badge for trashed or merged-away tickets', async () => {
    const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
    await index.upsert([ticket(1, { trashedAt: '2026-11-02T00:00:00.000Z' }), ticket(2, { mergedIntoId: 5 })]);
    expect((await index.byThreads('gmail', 'support@acme.test', ['thread1', 'thread2'])).size).toBe(0);
  });

  it('never lets an older version overwrite a newer one', async () => {
    const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
    await index.upsert([ticket(1, { version: 3, status: 'closed' })]);
    await index.upsert([ticket(1, { version: 2, status: 'open' })]);
    expect((await index.get(1))!.status).toBe('closed');
    await index.upsert([ticket(1, { version: 4, status: 'escalated' })]);
    expect((await index.get(1))!.status).toBe('escalated');
  });

  it("clear empties tickets, the sync cursor and what was derived from them (the last agent's dashboard and directory)", async () => {
    const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
    await index.upsert([ticket(1)]);
    await index.setMeta('syncCursor', '2026-11-01T00:00:00.000Z');
    await index.setMeta(DASHBOARD_SNAPSHOT_KEY, { stats: {} });
    await index.setMeta(DIRECTORY_KEY, { agents: [] });
    await index.clear();
    expect(await index.count()).toBe(0);
    expect(await index.getMeta('syncCursor')).toBeUndefined();
    expect(await index.getMeta(DASHBOARD_SNAPSHOT_KEY)).toBeUndefined();
    expect(await index.getMeta(DIRECTORY_KEY)).toBeUndefined();
  });

  // The primary is the agent's pick here (R-MERGE-3), not the lowest id, so index order cannot hide a wrong answer.
  describe('after a merge (R-MERGE-7)', () => {
    const at = (minute: number) => `2026-11-02T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const links = ['thread1', 'thread2', 'thread3'].map((threadId) => ({ provider: 'gmail' as const, mailbox: 'support@acme.test', threadId }));
    const primaryWithAll = ticket(3, { version: 2, updatedAt: at(5), webmailThreads: links });

    it('R-MERGE-7 merged-away tickets stop holding their threads at once: their rows show the primary', async () => {
      const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
      await index.upsert([ticket(1), ticket(2), ticket(3)]);
      // What the delivered merge answers: the primary now holds every thread; the others arrive with the next sync.
      await index.upsert([primaryWithAll]);
      await index.markMerged(3, [1, 2]);
      const found = await index.byThreads('gmail', 'support@acme.test', ['thread1', 'thread2', 'thread3']);
      expect(['thread1', 'thread2', 'thread3'].map((id) => found.get(id)?.id)).toEqual([3, 3, 3]);
      expect(await index.get(2)).toMatchObject({ mergedIntoId: 3, webmailThreads: [], version: 1 });
    });

    it("R-MERGE-7 the sync's newer copies of the merged-away tickets replace the local marks", async () => {
      const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
      await index.upsert([ticket(2), ticket(3)]);
      await index.markMerged(3, [2]);
      await index.upsert([primaryWithAll, ticket(2, { version: 2, mergedIntoId: 3, trashedAt: at(5), webmailThreads: [] })]);
      expect(await index.get(2)).toMatchObject({ version: 2, trashedAt: at(5) });
      expect((await index.byThreads('gmail', 'support@acme.test', ['thread2'])).get('thread2')!.id).toBe(3);
    });

    it('R-MERGE-7 a thread still held by a merged-away ticket shows its primary, following a merge of the primary', async () => {
      const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
      await index.upsert([ticket(2, { mergedIntoId: 3 }), ticket(3, { mergedIntoId: 4, webmailThreads: [] }), ticket(4, { webmailThreads: [] })]);
      expect((await index.byThreads('gmail', 'support@acme.test', ['thread2'])).get('thread2')!.id).toBe(4);
    });

    it('a thread whose primary is in the trash, or unknown here, shows no badge', async () => {
      const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
      await index.upsert([ticket(2, { mergedIntoId: 3 }), ticket(3, { webmailThreads: [], trashedAt: at(1) }), ticket(1, { mergedIntoId: 99 })]);
      expect((await index.byThreads('gmail', 'support@acme.test', ['thread1', 'thread2'])).size).toBe(0);
    });

    it('when two live tickets claim one thread, the one changed last wins', async () => {
      const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
      await index.upsert([ticket(2, { updatedAt: at(1), webmailThreads: links }), primaryWithAll]);
      expect((await index.byThreads('gmail', 'support@acme.test', ['thread2'])).get('thread2')!.id).toBe(3);
    });
  });
});
