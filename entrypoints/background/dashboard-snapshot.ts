import { dashboardStats, directoryNames, lastDays, onDashboard } from '../../core/dashboard';
import type { DashboardNames, DashboardStats } from '../../core/schemas/dashboard';
import type { Directory } from '../../core/schemas/directory';
import { DASHBOARD_SNAPSHOT_KEY, DIRECTORY_KEY, openIndexDb, TicketIndex, TICKETS_CHANGED } from './ticket-index';

/** "Oldest waiting" shows ages: a snapshot older than this is recomputed on refresh even if nothing changed. */
const MAX_AGE_MS = 60_000;

/** The dashboard as last computed, kept in the index's meta store so the popup paints from one read. */
export interface DashboardSnapshot {
  stats: DashboardStats;
  names: DashboardNames;
  computedAt: string;
  ticketCount: number;
  /** The index's change mark the stats were computed from (TICKETS_CHANGED). */
  mark: string | null;
  /** The local date it was computed on, in stats.timeZone. */
  day: string;
}

/** The zone the browser shows times in: the popup's days are the lead's days. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const readSnapshot = (index: TicketIndex) => index.getMeta<DashboardSnapshot>(DASHBOARD_SNAPSHOT_KEY);

/**
 * The popup's first paint: the stored snapshot read straight from IndexedDB, which extension pages
 * share with the worker. One read, and no waiting for a stopped worker to start (MV3 stops it after
 * ~30 s idle, so that is how a popup usually finds it).
 */
export async function readStoredSnapshot(): Promise<DashboardSnapshot | undefined> {
  const index = new TicketIndex(await openIndexDb());
  try {
    return await readSnapshot(index);
  } finally {
    index.db.close();
  }
}

export async function computeSnapshot(index: TicketIndex, now = new Date(), timeZone = browserTimeZone()): Promise<DashboardSnapshot> {
  // Tickets and mark from one transaction: a change landing meanwhile leaves a newer mark, so this snapshot reads as stale.
  const tx = index.db.transaction(['tickets', 'meta']);
  const meta = tx.objectStore('meta');
  const [tickets, mark, directory] = await Promise.all([tx.objectStore('tickets').getAll(), meta.get(TICKETS_CHANGED), meta.get(DIRECTORY_KEY)]);
  await tx.done;
  const snapshot: DashboardSnapshot = {
    stats: dashboardStats(tickets, { now, timeZone }),
    names: directoryNames(directory as Directory | undefined),
    computedAt: now.toISOString(),
    ticketCount: tickets.filter(onDashboard).length,
    mark: typeof mark === 'string' ? mark : null,
    day: lastDays(now, timeZone, 1)[0]!,
  };
  await index.setMeta(DASHBOARD_SNAPSHOT_KEY, snapshot);
  return snapshot;
}

/** Stale once the tickets changed, the day turned, the zone moved, or its ages have aged. */
export async function isStale(index: TicketIndex, snapshot: DashboardSnapshot, now = new Date(), timeZone = browserTimeZone()): Promise<boolean> {
  if (snapshot.stats.timeZone !== timeZone || snapshot.day !== lastDays(now, timeZone, 1)[0]) return true;
  if (now.getTime() - Date.parse(snapshot.computedAt) > MAX_AGE_MS) return true;
  return ((await index.getMeta<string>(TICKETS_CHANGED)) ?? null) !== snapshot.mark;
}

/** The snapshot, recomputed first when it is missing or stale. */
export async function freshSnapshot(index: TicketIndex, now = new Date(), timeZone = browserTimeZone()): Promise<DashboardSnapshot> {
  const snapshot = await readSnapshot(index);
  return snapshot && !(await isStale(index, snapshot, now, timeZone)) ? snapshot : computeSnapshot(index, now, timeZone);
}
