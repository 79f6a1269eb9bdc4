import type { JobMode } from '../schemas/job';
import type { Ticket } from '../schemas/ticket';
import type { DateRange, View, ViewFilter, ViewKind } from '../schemas/view';
import { MAX_BULK_TICKETS } from './bulk-limits';
import { phrase } from '../refusals/refusal';
import { OK, violation } from './verdict';
import type { Verdict } from './verdict';

/** R-BULK-4: views where no bulk or mass action runs. */
export const NO_ACTION_VIEW_KINDS: readonly ViewKind[] = Object.freeze(['spam', 'shared_open', 'shared', 'archived']);

/** Whether a job of this mode may run on the view (R-BULK-4, R-BULK-5). */
export function checkViewAllowsJob(view: Pick<View, 'kind' | 'filter' | 'name'>, mode: JobMode): Verdict {
  // R-BULK-4
  if (NO_ACTION_VIEW_KINDS.includes(view.kind)) {
    const kind = phrase(`view.kind.${view.kind as 'spam' | 'shared_open' | 'shared' | 'archived'}`, {});
    return violation('R-BULK-4', 'view.noActions', { view: view.name, kind });
  }
  // R-BULK-5: a blueprint view (by kind or by filter) is limited to selections.
  const onBlueprint = view.kind === 'blueprint' || view.filter.blueprintId !== undefined;
  if (onBlueprint && mode === 'mass') {
    return violation('R-BULK-5', 'view.blueprintBulkOnly', { view: view.name, max: MAX_BULK_TICKETS });
  }
  return OK;
}

export type FilterableTicket = Pick<
  Ticket,
  'status' | 'priority' | 'channel' | 'assigneeAgentId' | 'assigneeTeamId' | 'blueprintId' | 'tags' | 'contactId' | 'spam' | 'account' | 'createdAt' | 'updatedAt' | 'customFields'
>;

/** Who is looking: "assigned to me" means this agent. */
export interface FilterViewer {
  agentId: number;
}

/**
 * Whether a ticket belongs in a view. Every given criterion must hold; a list means "any of", so an
 * empty list matches nothing (as `= ANY('{}')` does in SQL) rather than widening a mass action to everything.
 */
export function ticketMatchesFilter(ticket: FilterableTicket, filter: ViewFilter, viewer: FilterViewer | null = null): boolean {
  return (
    anyOf(filter.statuses, ticket.status) &&
    anyOf(filter.priorities, ticket.priority) &&
    anyOf(filter.channels, ticket.channel) &&
    anyOf(filter.assigneeAgentIds, ticket.assigneeAgentId) &&
    anyOf(filter.assigneeTeamIds, ticket.assigneeTeamId) &&
    anyOf(filter.contactIds, ticket.contactId) &&
    anyOf(filter.accounts, ticket.account) &&
    (filter.assigneeMe === undefined || (viewer !== null && ticket.assigneeAgentId === viewer.agentId) === filter.assigneeMe) &&
    (filter.blueprintId === undefined || ticket.blueprintId === filter.blueprintId) &&
    (filter.tags === undefined || filter.tags.some((t) => ticket.tags.includes(t))) &&
    (filter.unassigned === undefined || isUnassigned(ticket) === filter.unassigned) &&
    inRange(filter.createdAt, ticket.createdAt) &&
    inRange(filter.updatedAt, ticket.updatedAt) &&
    customFieldsMatch(filter.customFields, ticket.customFields) &&
    // R-BULK-12: spam tickets live in the spam view, so other views leave them out unless they ask.
    ticket.spam === (filter.spam ?? false)
  );
}

function anyOf<T>(allowed: readonly T[] | undefined, value: T | null): boolean {
  return allowed === undefined || (value !== null && allowed.includes(value));
}

function inRange(range: DateRange | undefined, at: string): boolean {
  if (range === undefined) return true;
  const t = Date.parse(at);
  return (range.from === undefined || t >= Date.parse(range.from)) && (range.to === undefined || t <= Date.parse(range.to));
}

/** A missing key is no value at all: it matches no listed value (null included, as SQL's jsonb comparison). */
function customFieldsMatch(wanted: ViewFilter['customFields'], values: Ticket['customFields']): boolean {
  if (wanted === undefined) return true;
  return Object.entries(wanted).every(([key, allowed]) => Object.hasOwn(values, key) && allowed.some((v) => v === values[key]));
}

function isUnassigned(ticket: FilterableTicket): boolean {
  return ticket.assigneeAgentId === null && ticket.assigneeTeamId === null;
}
