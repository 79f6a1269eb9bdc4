import { storage } from '#imports';
import type { Me } from '../../core/schemas/api';
import { defaultPreferences, type Preferences } from '../../core/schemas/preferences';
import type { Connection } from '../../core/schemas/messages';

/** Lives only in the background's reach: content scripts ask the background, never storage. */
export const connectionItem = storage.defineItem<Connection | null>('local:connection', { fallback: null });

export interface SyncState {
  me: Me | null;
  lastSyncAt: string | null;
  lastError: string | null;
}

export const syncStateItem = storage.defineItem<SyncState>('local:syncState', {
  fallback: { me: null, lastSyncAt: null, lastError: null },
});

export async function updateSyncState(change: Partial<SyncState>): Promise<SyncState> {
  const next = { ...(await syncStateItem.getValue()), ...change };
  await syncStateItem.setValue(next);
  return next;
}

export const preferencesItem = storage.defineItem<Preferences>('local:preferences', { fallback: defaultPreferences });
