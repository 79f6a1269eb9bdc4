import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../core/schemas/ticket';
import { computeSnapshot, freshSnapshot, isStale, readSnapshot, readStoredSnapshot } from '../../../entrypoints/background/dashboard-snapshot';
import { openIndexDb, TicketIndex } from '../../../entrypoints/background/ticket-index';
import { makeTicket } from '../../core/rules/fixtures';

let n = 0;
const fresh = async () => new TicketIndex(await openIndexDb(`dashboard-test-${++n}`));
const ticket = (id: number, over: Partial<Ticket> = {}) => makeTicket({ id, number: 1000 + id, createdAt: '2026-12-01T00:00:00Z', ...over });
const NOW = new Date('2026-12-02T06:00:00Z');
const ZONE = 'Asia/Tokyo';
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('dashboard snapshot', () => {
  it('is computed from the live tickets and kept for the next first paint', async () => {
    const index = await fresh();
    await index.upsert([ticket(1), ticket(2, { status: 'closed' }), ticket(3, { spam: true })]);
    const snapshot = await computeSnapshot(index, NOW, ZONE);
    expect(snapshot).toMatchObject({ ticketCount: 2, computedAt: NOW.toISOString(), day: '2026-12-02' });
    expect(snapshot.stats.openTotal).toBe(1);
    expect(await readSnapshot(index)).toEqual(snapshot);
  });

  it('carries the names of the directory kept with the index, so the popup needs nothing else', async () => {
    const index = await fresh();
    await index.setMeta('directory', { departments: [], agents: [{ id: 7, email: 'kim@acme.test', name: 'Kim', active: true, departmentIds: [] }], teams: [] });
    expect((await computeSnapshot(index, NOW, ZONE)).names).toEqual({ departments: {}, agents: { '7': 'Kim' }, teams: {} });
  });

  it('is read by the popup straight from the extension database, without the worker', async () => {
    expect(await readStoredSnapshot()).toBeUndefined();
    const index = new TicketIndex(await openIndexDb());
    await index.upsert([ticket(1)]);
    const snapshot = await computeSnapshot(index, NOW, ZONE);
    expect(await readStoredSnapshot()).toEqual(snapshot);
    index.db.close();
  });

  it('works on an empty index (never connected)', async () => {
    const index = await fresh();
    const snapshot = await freshSnapshot(index, NOW, ZONE);
    expect(snapshot.ticketCount).toBe(0);
    expect(snapshot.stats.flow).toHaveLength(14);
  });

  it('is fresh until the tickets change: upsert, merge and clear each make it stale', async () => {
    const index = await fresh();
    await index.upsert([ticket(1), ticket(2)]);
    const changes = [() => index.upsert([ticket(3)]), () => index.markMerged(1, [2]), () => index.clear()];
    for (const change of changes) {
      const snapshot = await computeSnapshot(index, NOW, ZONE);
      expect(await isStale(index, snapshot, NOW, ZONE)).toBe(false);
      await change();
      expect(await isStale(index, snapshot, NOW, ZONE)).toBe(true);
    }
  });

  it('stays fresh when a sync page brings nothing newer', async () => {
    const index = await fresh();
    await index.upsert([ticket(1, { version: 2 })]);
    const snapshot = await computeSnapshot(index, NOW, ZONE);
    await index.upsert([ticket(1, { version: 1 })]);
    expect(await isStale(index, snapshot, NOW, ZONE)).toBe(false);
  });

  it('is stale once the local day turns, the zone moves, or a minute passed (ages move on)', async () => {
    const index = await fresh();
    // 23:59:30 in Tokyo.
    const lateEvening = new Date('2026-12-02T14:59:30Z');
    const snapshot = await computeSnapshot(index, lateEvening, ZONE);
    expect(await isStale(index, snapshot, new Date('2026-12-02T14:59:59Z'), ZONE)).toBe(false);
    expect(await isStale(index, snapshot, new Date('2026-12-02T15:00:00Z'), ZONE)).toBe(true);
    expect(await isStale(index, snapshot, lateEvening, 'UTC')).toBe(true);
    const noon = await computeSnapshot(index, NOW, ZONE);
    expect(await isStale(index, noon, later(60_000), ZONE)).toBe(false);
    expect(await isStale(index, noon, later(60_001), ZONE)).toBe(true);
  });

  it('freshSnapshot recomputes only when stale', async () => {
    const index = await fresh();
    const first = await freshSnapshot(index, NOW, ZONE);
    expect(await freshSnapshot(index, later(1000), ZONE)).toEqual(first);
    await index.upsert([ticket(1)]);
    const second = await freshSnapshot(index, later(2000), ZONE);
    expect(second.ticketCount).toBe(1);
    expect(second.computedAt).toBe(later(2000).toISOString());
  });
});
