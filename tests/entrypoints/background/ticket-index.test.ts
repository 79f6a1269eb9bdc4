import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../core/schemas/ticket';
import { openIndexDb, TicketIndex } from '../../../entrypoints/background/ticket-index';
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

  it('clear empties tickets and the sync cursor', async () => {
    const index = new TicketIndex(await openIndexDb(`index-test-${++n}`));
    await index.upsert([ticket(1)]);
    await index.setMeta('syncCursor', '2026-11-01T00:00:00.000Z');
    await index.clear();
    expect(await index.count()).toBe(0);
    expect(await index.getMeta('syncCursor')).toBeUndefined();
  });
});
