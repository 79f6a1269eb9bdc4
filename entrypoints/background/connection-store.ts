import { browser, storage } from '#imports';
import type { Me } from '../../core/schemas/api';
import { defaultPreferences, type Preferences } from '../../core/schemas/preferences';
import type { Connection } from '../../core/schemas/messages';
import { readManagedConfig, type ManagedConfig } from './managed-config';

/** Lives only in the background's reach: content scripts ask the background, never storage. */
export const connectionItem = storage.defineItem<Connection | null>('local:connection', { fallback: null });

/** The administrator's settings (chrome.storage.managed, read-only): read on every use, so a policy change applies without a restart. */
export const managedConfig = (): Promise<ManagedConfig> => readManagedConfig(browser.storage.managed);

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
