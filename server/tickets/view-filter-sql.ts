import { and, arrayOverlaps, eq, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { ViewFilter } from '../../core/schemas/view';
import { tickets } from '../db/schema';

function unassignedSql(unassigned: boolean | undefined): SQL | undefined {
  if (unassigned === undefined) return undefined;
  return unassigned ? and(isNull(tickets.assigneeAgentId), isNull(tickets.assigneeTeamId)) : or(isNotNull(tickets.assigneeAgentId), isNotNull(tickets.assigneeTeamId));
}

/**
 * Compiles a validated view filter to parameterised conditions; mirrors core's ticketMatchesFilter
 * so the extension's index and the server agree on what a view holds
 * (an empty list matches nothing, as in core).
 */
export function viewFilterSql(filter: ViewFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    filter.statuses && inArray(tickets.status, filter.statuses),
    filter.priorities && inArray(tickets.priority, filter.priorities),
    filter.channels && inArray(tickets.channel, filter.channels),
    filter.assigneeAgentIds && inArray(tickets.assigneeAgentId, filter.assigneeAgentIds),
    filter.assigneeTeamIds && inArray(tickets.assigneeTeamId, filter.assigneeTeamIds),
    unassignedSql(filter.unassigned),
    filter.blueprintId === undefined ? undefined : eq(tickets.blueprintId, filter.blueprintId),
    filter.tags && arrayOverlaps(tickets.tags, filter.tags),
    filter.contactIds && inArray(tickets.contactId, filter.contactIds),
    eq(tickets.spam, filter.spam ?? false),
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}
