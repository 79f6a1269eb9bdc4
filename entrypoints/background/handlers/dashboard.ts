import { dashboardList } from '../../../core/dashboard';
import type { DashboardView } from '../../../core/schemas/dashboard';
import { connectionItem, syncStateItem } from '../connection-store';
import { computeSnapshot, freshSnapshot, readSnapshot, type DashboardSnapshot } from '../dashboard-snapshot';
import type { Handlers } from '../router';
import { services } from '../services';

/** The snapshot as it is, computing it only when there is none yet: the popup's first paint. */
async function storedSnapshot(): Promise<DashboardSnapshot> {
  const { index } = await services();
  return (await readSnapshot(index)) ?? computeSnapshot(index);
}

/** Catches up with the backend when there is one (the index is the dashboard's source either way), then recomputes if stale. */
async function refreshedSnapshot(): Promise<DashboardSnapshot> {
  const { index, sync } = await services();
  // A failed sync is recorded in the sync state and shown; the stats still come from the index as it is.
  if (await connectionItem.getValue()) await sync().catch(() => undefined);
  return freshSnapshot(index);
}

export const dashboardHandlers: Handlers<'dashboard.get' | 'dashboard.list'> = {
  'dashboard.get': async ({ refresh }): Promise<DashboardView> => {
    // After a refresh the sync state is read once the sync is over; a first paint reads everything at once.
    const snapshot = refresh ? await refreshedSnapshot() : storedSnapshot();
    const [{ stats, names, computedAt, ticketCount }, state, connection] = await Promise.all([snapshot, syncStateItem.getValue(), connectionItem.getValue()]);
    return { stats, names, computedAt, ticketCount, connected: connection !== null, lastSyncAt: state.lastSyncAt, syncError: state.lastError };
  },
  'dashboard.list': async ({ list, limit }) => {
    const { index } = await services();
    return dashboardList(await index.db.getAll('tickets'), list, { now: new Date(), limit });
  },
};
