import { session } from '../../../core/contracts/session';
import type { Connection, ConnectionStatus } from '../../../core/schemas/messages';
import { callWith } from '../api-client';
import { connectionItem, preferencesItem, syncStateItem, updateSyncState } from '../connection-store';
import type { Handlers } from '../router';
import { services } from '../services';

const fetchMe = (connection: Connection) => callWith(connection, session.me, {});

async function status(): Promise<ConnectionStatus> {
  const [connection, state] = await Promise.all([connectionItem.getValue(), syncStateItem.getValue()]);
  return { configured: connection !== null, backendUrl: connection?.backendUrl ?? null, ...state };
}

export const connectionHandlers: Handlers<'connection.status' | 'connection.test' | 'connection.save' | 'preferences.get' | 'preferences.set'> = {
  'connection.status': () => status(),
  'connection.test': (connection) => fetchMe(connection),
  'connection.save': async (connection) => {
    const me = await fetchMe(connection);
    const previous = await connectionItem.getValue();
    const { index, sync } = await services();
    // Another backend or another agent: the old index belongs to someone else.
    if (previous?.backendUrl !== connection.backendUrl || (await syncStateItem.getValue()).me?.agent.id !== me.agent.id) await index.clear();
    await connectionItem.setValue(connection);
    await updateSyncState({ me, lastError: null });
    await sync().catch(() => undefined);
    return status();
  },
  'preferences.get': () => preferencesItem.getValue(),
  'preferences.set': async (preferences) => {
    await preferencesItem.setValue(preferences);
    return preferences;
  },
};
