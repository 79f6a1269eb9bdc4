import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../entrypoints/background/api-client';
import { Outbox } from '../../../entrypoints/background/outbox';
import { openIndexDb } from '../../../entrypoints/background/ticket-index';

/** A refusal its caller answers itself (a stale reply: Review or Send anyway) is no failed change left to retry. */
describe('outbox.forget', () => {
  it('drops the failed entry it names and keeps the others', async () => {
    const db = await openIndexDb('outbox-forget-test');
    const stale = new ApiCallError({ code: 'CONFLICT', message: 'Ticket #1260 got a new message', details: { reason: 'stale_reply' } }, 409, false);
    const outbox = new Outbox(db, {
      send: async (entry) => {
        if (entry.label === 'reply') throw stale;
        return { id: 1 };
      },
      delivered: async () => undefined,
      failed: async () => undefined,
    });
    const reply = await outbox.add({ kind: 'submit_job', label: 'reply', contract: 'ticketReplies.send', params: { id: 7 }, body: { body: 'Hi', seenThreadCount: 1 } });
    await outbox.drain();
    const other = await outbox.add({ kind: 'submit_job', label: 'other', contract: 'ticketReplies.send', params: { id: 8 }, body: { body: 'Hi' } });
    expect((await outbox.list()).map((e) => [e.label, e.status])).toEqual([
      ['reply', 'failed'],
      ['other', 'pending'],
    ]);
    await outbox.forget(reply.id);
    expect((await outbox.list()).map((e) => e.id)).toEqual([other.id]);
    await outbox.forget('no-such-entry');
    expect(await outbox.list()).toHaveLength(1);
  });
});
