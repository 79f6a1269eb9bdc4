import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';

/**
 * Waits until some other session of this database is blocked on a lock (PostgreSQL only), so a race
 * test knows the request under test reached the contended row before the blocker lets go.
 * Throws when nothing waits: the request did not take the lock it should have.
 */
export async function untilBlockedOnLock(db: Db, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const waiting = await db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    if ((waiting as unknown as { rows: { n: number }[] }).rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`No query waited for a lock within ${timeoutMs} ms.`);
}

/** A transaction that takes its locks, then waits for the test to let it finish. */
export function heldTransaction(db: Db, lock: (tx: Db) => Promise<unknown>, finish: (tx: Db) => Promise<unknown>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = db.transaction(async (tx) => {
    await lock(tx as unknown as Db);
    locked();
    await released;
    await finish(tx as unknown as Db);
  });
  return { locked: isLocked, release: () => (release(), done) };
}
