import { and, arrayOverlaps, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { ViewFilter } from '../../core/schemas/view';
import { tickets } from '../db/schema';

/**
 * Compiles a validated view filter to parameterised conditions; mirrors core's ticketMatchesFilter
 * so the extension's index and the server agree on what a view holds.
 */
export function viewFilterSql(filter: ViewFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    filter.statuses && inArray(tickets.status, filter.statuses),
    filter.priorities && inArray(tickets.priority, filter.priorities),
    filter.channels && inArray(tickets.channel, filter.channels),
    filter.assigneeAgentIds && inArray(tickets.assigneeAgentId, filter.assigneeAgentIds),
    filter.assigneeTeamIds && inArray(tickets.assigneeTeamId, filter.assigneeTeamIds),
    filter.unassigned === true ? and(isNull(tickets.assigneeAgentId), isNull(tickets.assigneeTeamId)) : undefined,
    filter.blueprintId === undefined ? undefined : eq(tickets.blueprintId, filter.blueprintId),
    filter.tags && arrayOverlaps(tickets.tags, filter.tags),
    filter.contactIds && inArray(tickets.contactId, filter.contactIds),
    eq(tickets.spam, filter.spam ?? false),
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}
