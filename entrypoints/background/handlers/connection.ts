import { browser } from '#imports';
import { i18n } from '#i18n';
import { session } from '../../../core/contracts/session';
import type { Connection, ConnectionStatus } from '../../../core/schemas/messages';
import { ApiCallError, callWith } from '../api-client';
import { diagnose, type ConnectionFailure, type ConnectionProbes } from '../connection-check';
import { connectionItem, managedConfig, preferencesItem, syncStateItem, updateSyncState } from '../connection-store';
import { withManagedUrl } from '../managed-config';
import { extensionOrigin } from '../../../messaging/extension-origin';
import type { Handlers } from '../router';
import { services } from '../services';

/** No retry: a person waits for the answer, and the cause is what they need, not a later success. */
const fetchMe = (connection: Connection) => callWith(connection, session.me, {}, { retry: 0 });

const probes: ConnectionProbes = {
  ownOrigin: extensionOrigin(),
  reachable: (url) =>
    fetch(url, { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(5_000) }).then(
      () => true,
      () => false,
    ),
  permitted: (pattern) => browser.permissions.contains({ origins: [pattern] }).catch(() => false),
};

function explain(failure: ConnectionFailure, url: string): ApiCallError {
  switch (failure.kind) {
    case 'unreachable':
      return new ApiCallError({ code: 'INTERNAL', message: i18n.t('options.failure.unreachable', [url]) }, null, true);
    case 'timeout':
      return new ApiCallError({ code: 'INTERNAL', message: i18n.t('options.failure.timeout', [url]) }, null, true);
    case 'notBackend':
      return new ApiCallError({ code: 'NOT_FOUND', message: i18n.t('options.failure.notBackend', [url]) }, null, false);
    case 'tokenRefused':
      return new ApiCallError({ code: 'UNAUTHORIZED', message: i18n.t('options.failure.tokenRefused', [url]) }, 401, false);
    case 'originRefused':
      return new ApiCallError({ code: 'FORBIDDEN', message: i18n.t('options.failure.originRefused', [url, failure.origin]) }, 403, false);
    case 'permissionNeeded':
      // The options page asks Chrome for this pattern and tries again (it holds the click's user gesture).
      return new ApiCallError(
        { code: 'FORBIDDEN', message: i18n.t('options.failure.permissionNeeded', [url, probes.ownOrigin]), details: { hostPermission: failure.pattern } },
        null,
        false,
      );
  }
}

/** GET /me with the connection the agent typed (the administrator's URL, when policy sets one), every failure named by its cause. */
async function checked(typed: Connection): Promise<{ connection: Connection; me: Awaited<ReturnType<typeof fetchMe>> }> {
  const connection = withManagedUrl(typed, await managedConfig());
  try {
    return { connection, me: await fetchMe(connection) };
  } catch (error) {
    const failure = await diagnose(error, connection.backendUrl, probes);
    throw failure ? explain(failure, connection.backendUrl) : error;
  }
}

async function status(): Promise<ConnectionStatus> {
  const [connection, state, managed] = await Promise.all([connectionItem.getValue(), syncStateItem.getValue(), managedConfig()]);
  const backendUrl = managed.backendUrl ?? connection?.backendUrl ?? null;
  const policy = managed.backendUrl || managed.tokenHint ? { managed: { backendUrl: managed.backendUrl ?? null, tokenHint: managed.tokenHint ?? null } } : {};
  return { configured: connection !== null, backendUrl, ...state, ...policy };
}

export const connectionHandlers: Handlers<'connection.status' | 'connection.test' | 'connection.save' | 'preferences.get' | 'preferences.set'> = {
  'connection.status': () => status(),
  'connection.test': async (typed) => (await checked(typed)).me,
  'connection.save': async (typed) => {
    const { connection, me } = await checked(typed);
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
