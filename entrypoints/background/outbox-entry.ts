import { merge } from '../../core/contracts/merge';
import { jobs } from '../../core/contracts/jobs';
import { secondaryContacts } from '../../core/contracts/secondary-contacts';
import { tickets } from '../../core/contracts/tickets';
import type { ContractName } from '../../core/contracts';
import type { Contract, ContractInput } from '../../core/contracts/contract';
import type { MessageError, OutboxEntryView } from '../../core/schemas/messages';

/** One write waiting to reach the backend; its id is the Idempotency-Key, so resending is harmless. */
export interface OutboxEntry {
  /** Queue position, assigned by IndexedDB on insert. */
  seq?: number;
  id: string;
  kind: OutboxEntryView['kind'];
  /** What the agent did, in words for the failure list. */
  label: string;
  /** The route it goes to (core/contracts), by name, and the values of its `:params`. */
  contract: ContractName;
  params?: Record<string, number>;
  body: unknown;
  status: 'pending' | 'failed';
  attempts: number;
  lastError: MessageError | null;
  createdAt: string;
  /** No new attempt before this time (back-off after transient failures). */
  notBefore: string;
}

/** How entries were stored before contracts: method and path, as the extension wrote them then (`tickets/12`). */
export type LegacyOutboxEntry = Omit<OutboxEntry, 'contract' | 'params'> & { method: 'POST' | 'PATCH' | 'PUT'; path: string };

/** What the outbox store may hold: an extension update finds entries queued by the version before. */
export type StoredOutboxEntry = OutboxEntry | LegacyOutboxEntry;

/** Each kind of write went to one route (update_ticket served tickets.update and tickets.link alike). */
const LEGACY_ROUTES = {
  create_ticket: tickets.create,
  update_ticket: tickets.update,
  submit_job: jobs.submit,
  merge_tickets: merge.run,
  set_secondary_contacts: secondaryContacts.set,
} as const;

/** Reads the `:params` of a route back out of a path written for it: `/tickets/:id` and `tickets/12` give { id: 12 }. */
function paramsOf(pattern: string, path: string): Record<string, number> {
  const values = path.replace(/^\//, '').split('/');
  const names = pattern.replace(/^\//, '').split('/');
  return Object.fromEntries(names.flatMap((name, i) => (name.startsWith(':') ? [[name.slice(1), Number(values[i])]] : [])));
}

/** Converts an entry of the old shape on load, so an update of the extension loses no queued write. */
export function upgradeEntry(stored: StoredOutboxEntry): OutboxEntry {
  if (!('method' in stored)) return stored;
  const { method: _method, path, ...entry } = stored;
  const contract = LEGACY_ROUTES[entry.kind];
  return { ...entry, contract: contract.name, ...('params' in contract ? { params: paramsOf(contract.path, path) } : {}) };
}

/** The route part of a new entry, checked against the contract's types where the write is queued. */
export function writeTo<C extends Contract & { name: ContractName }>(contract: C, input: ContractInput<C>): Pick<OutboxEntry, 'contract' | 'params' | 'body'> {
  const { params, body } = input as { params?: Record<string, number>; body?: unknown };
  return { contract: contract.name, ...(params ? { params } : {}), body };
}
