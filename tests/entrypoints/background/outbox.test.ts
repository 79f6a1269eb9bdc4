import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../entrypoints/background/api-client';
import { Outbox, type OutboxDeps } from '../../../entrypoints/background/outbox';
import type { OutboxEntry } from '../../../entrypoints/background/outbox-entry';
import { openIndexDb } from '../../../entrypoints/background/ticket-index';

let dbCount = 0;
const freshDb = () => openIndexDb(`outbox-test-${++dbCount}`);
const transient = () => new ApiCallError({ code: 'INTERNAL', message: 'Cannot reach the backend' }, null, true);
const refused = () => new ApiCallError({ code: 'CONFLICT', message: 'Ticket #1000 was changed by someone else' }, 409, false);

function recorder(outcomes: (() => unknown)[]) {
  const sent: OutboxEntry[] = [];
  const delivered: string[] = [];
  const failed: string[] = [];
  const deps: OutboxDeps = {
    send: async (entry) => {
      sent.push(entry);
      const next = outcomes.shift() ?? (() => ({ id: 1 }));
      const value = next();
      if (value instanceof Error) throw value;
      return value;
    },
    delivered: async (entry) => void delivered.push(entry.id),
    failed: async (entry) => void failed.push(entry.id),
  };
  return { deps, sent, delivered, failed };
}

const entry = (label: string) => ({ kind: 'update_ticket' as const, label, contract: 'tickets.update' as const, params: { id: 1 }, body: { version: 1 } });

describe('outbox', () => {
  it('sends in order and forgets an entry once the backend answered', async () => {
    const db = await freshDb();
    const r = recorder([]);
    const outbox = new Outbox(db, r.deps);
    const a = await outbox.add(entry('a'));
    const b = await outbox.add(entry('b'));
    await outbox.drain();
    expect(r.sent.map((e) => e.label)).toEqual(['a', 'b']);
    expect(r.delivered).toEqual([a.id, b.id]);
    expect(await outbox.list()).toEqual([]);
    expect(outbox.takeAnswer(a.id)).toEqual({ id: 1 });
    expect(outbox.takeAnswer(a.id)).toBeUndefined();
  });

  it('keeps a write through a transient failure, backs off, and stops so later writes stay in order', async () => {
    const db = await freshDb();
    let now = Date.parse('2026-11-23T10:00:00Z');
    const r = recorder([transient]);
    const outbox = new Outbox(db, r.deps, () => now);
    await outbox.add(entry('first'));
    await outbox.add(entry('second'));
    await outbox.drain();
    expect(r.sent.map((e) => e.label)).toEqual(['first']);
    const [first] = await outbox.list();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: { message: 'Cannot reach the backend' } });
    await outbox.drain();
    expect(r.sent).toHaveLength(1);
    now += 60_000;
    await outbox.drain();
    expect(r.sent.map((e) => e.label)).toEqual(['first', 'first', 'second']);
    expect(r.sent[0]!.id).toBe(r.sent[1]!.id);
    expect(await outbox.list()).toEqual([]);
  });

  it('marks a refused write failed with the reason, visibly, and carries on with the next', async () => {
    const db = await freshDb();
    const r = recorder([refused]);
    const outbox = new Outbox(db, r.deps);
    const bad = await outbox.add(entry('stale edit'));
    await outbox.add(entry('good edit'));
    await outbox.drain();
    const left = await outbox.list();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: bad.id, status: 'failed', lastError: { code: 'CONFLICT' } });
    expect(r.failed).toEqual([bad.id]);
    expect(r.delivered).toHaveLength(1);
  });

  it('survives the worker being killed: a new outbox on the same database resends with the same idempotency key', async () => {
    const db = await freshDb();
    const dying = recorder([transient]);
    const stored = await new Outbox(db, dying.deps).add(entry('queued before the kill'));
    const revived = recorder([]);
    const outbox = new Outbox(db, revived.deps, () => Date.now() + 10 * 60_000);
    await outbox.drain();
    expect(revived.sent.map((e) => e.id)).toEqual([stored.id]);
    expect(await outbox.list()).toEqual([]);
  });

  it('retry puts a failed write back in the queue', async () => {
    const db = await freshDb();
    const r = recorder([refused]);
    const outbox = new Outbox(db, r.deps);
    const bad = await outbox.add(entry('x'));
    await outbox.drain();
    expect(await outbox.retry(bad.id)).toBe(true);
    expect(await outbox.list()).toEqual([]);
    expect(await outbox.retry('missing')).toBe(false);
  });

  it('concurrent drains send each entry once', async () => {
    const db = await freshDb();
    const r = recorder([]);
    const outbox = new Outbox(db, r.deps);
    await outbox.add(entry('once'));
    await Promise.all([outbox.drain(), outbox.drain(), outbox.drain()]);
    expect(r.sent).toHaveLength(1);
  });

  it('sends entries queued by the version before contracts (method and path) to the same route, with their params', async () => {
    const db = await freshDb();
    const at = new Date().toISOString();
    const stored = { status: 'pending' as const, attempts: 0, lastError: null, createdAt: at, notBefore: at };
    await db.add('outbox', { ...stored, id: 'old-1', kind: 'update_ticket', label: 'edit', method: 'PATCH', path: 'tickets/12', body: { version: 3 } });
    await db.add('outbox', { ...stored, id: 'old-2', kind: 'create_ticket', label: 'create', method: 'POST', path: 'tickets', body: { subject: 'x' } });
    await db.add('outbox', {
      ...stored,
      id: 'old-3',
      kind: 'set_secondary_contacts',
      label: 'cc',
      method: 'PUT',
      path: 'tickets/7/secondary-contacts',
      body: { version: 1, contacts: [] },
    });
    const r = recorder([]);
    await new Outbox(db, r.deps).drain();
    expect(r.sent.map(({ id, contract, params, body }) => ({ id, contract, params, body }))).toEqual([
      { id: 'old-1', contract: 'tickets.update', params: { id: 12 }, body: { version: 3 } },
      { id: 'old-2', contract: 'tickets.create', params: undefined, body: { subject: 'x' } },
      { id: 'old-3', contract: 'secondaryContacts.set', params: { id: 7 }, body: { version: 1, contacts: [] } },
    ]);
    expect(r.sent[0]).not.toHaveProperty('method');
  });
});
