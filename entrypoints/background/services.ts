import { pushToTabs } from '../../messaging/push';
import type { KyInstance } from 'ky';
import { contractNamed } from '../../core/contracts';
import type { Contract, ContractInput, ContractOutput } from '../../core/contracts/contract';
import type { Connection } from '../../core/schemas/messages';
import { ApiCallError, callParts, callWith, sendWith, withApi, type CallOptions, type ContractParts } from './api-client';
import { connectionItem, managedConfig, syncStateItem, updateSyncState } from './connection-store';
import { withManagedUrl } from './managed-config';
import { refreshMe } from './me-refresh';
import { applyDelivered } from './delivered-answer';
import { Outbox } from './outbox';
import type { OutboxEntry } from './outbox-entry';
import { refreshDirectory } from './directory-cache';
import { syncIndex } from './sync';
import { openIndexDb, TicketIndex } from './ticket-index';

export interface Services {
  index: TicketIndex;
  outbox: Outbox;
  connection(): Promise<Connection>;
  sync(): Promise<number>;
  notifyTabs(): Promise<void>;
}

async function requireConnection(): Promise<Connection> {
  const connection = await connectionItem.getValue();
  if (!connection) {
    throw new ApiCallError({ code: 'UNAUTHORIZED', message: 'Inbox Desk is not connected: set the backend URL and API token on the options page.' }, null, false);
  }
  return withManagedUrl(connection, await managedConfig());
}

/** Tells open webmail tabs to redraw badges. */
async function notifyTabs(): Promise<void> {
  await pushToTabs('index.changed', {});
}

async function build(): Promise<Services> {
  const index = new TicketIndex(await openIndexDb());
  const send = async (entry: OutboxEntry) => {
    const contract = contractNamed(entry.contract);
    if (!contract) throw new ApiCallError({ code: 'INTERNAL', message: `This version of Inbox Desk cannot send "${entry.label}" (${entry.contract}).` }, null, false);
    return sendWith(await requireConnection(), contract, { params: entry.params, body: entry.body }, { headers: { 'Idempotency-Key': entry.id }, retry: 0 });
  };
  const outbox = new Outbox(index.db, {
    send,
    // The answer updates the index at once; the sync that follows catches what others changed meanwhile.
    delivered: async (entry, answer) => {
      await applyDelivered(index, entry.kind, answer);
      await notifyTabs();
      void services.sync().catch(() => undefined);
    },
    // A refused edit leaves the index with the optimistic value: fetch the truth again.
    failed: async () => {
      await services.sync().catch(() => undefined);
      await notifyTabs();
    },
    retryLater: (delayMs) => setTimeout(() => void outbox.drain(), delayMs + 50),
  });
  const services: Services = {
    index,
    outbox,
    connection: requireConnection,
    async sync() {
      try {
        const connection = await requireConnection();
        const { me, viewChanged, accessChanged } = await refreshMe(connection, (await syncStateItem.getValue()).me);
        // A department gained or lost: start the index over rather than keep tickets the agent may no longer see.
        if (viewChanged) await index.clear();
        const changed = await syncIndex(index, connection);
        await refreshDirectory(index, connection);
        await updateSyncState({ me, lastSyncAt: new Date().toISOString(), lastError: null });
        if (changed > 0 || accessChanged) await notifyTabs();
        return changed;
      } catch (error) {
        await updateSyncState({ lastError: (error as Error).message });
        throw error;
      }
    },
    notifyTabs,
  };
  return services;
}

let instance: Promise<Services> | null = null;

/** Built on first use in each worker life; everything it holds is persisted, so a restart loses nothing. */
export function services(): Promise<Services> {
  instance ??= build();
  return instance;
}

/** One backend route with the saved connection, for calls that need no outbox. */
export async function call<C extends Contract>(contract: C, input: ContractInput<C>, options?: CallOptions): Promise<ContractOutput<C>> {
  return callWith(await (await services()).connection(), contract, input, options);
}

/** Raw requests with the saved connection, for the one answer that is not JSON (an attachment's bytes). */
export async function backend<T>(run: (api: KyInstance) => Promise<T>): Promise<T> {
  return withApi(await (await services()).connection(), run);
}

/** A route named at run time (an admin call): checked and parsed with its contract like any other. */
export async function callNamed(contract: Contract, parts: ContractParts): Promise<unknown> {
  return callParts(await (await services()).connection(), contract, parts);
}
