import { and, arrayOverlaps, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { FilterViewer } from '../../core/rules/view-scope';
import type { DateRange, ViewFilter } from '../../core/schemas/view';
import { tickets } from '../db/schema';

function unassignedSql(unassigned: boolean | undefined): SQL | undefined {
  if (unassigned === undefined) return undefined;
  return unassigned ? and(isNull(tickets.assigneeAgentId), isNull(tickets.assigneeTeamId)) : or(isNotNull(tickets.assigneeAgentId), isNotNull(tickets.assigneeTeamId));
}

function assigneeMeSql(me: boolean | undefined, viewer: FilterViewer | null): SQL | undefined {
  if (me === undefined) return undefined;
  if (viewer === null) return me ? sql`false` : undefined;
  return me ? eq(tickets.assigneeAgentId, viewer.agentId) : or(isNull(tickets.assigneeAgentId), ne(tickets.assigneeAgentId, viewer.agentId));
}

function rangeSql(column: typeof tickets.createdAt, range: DateRange | undefined): SQL | undefined {
  if (range === undefined) return undefined;
  return and(range.from === undefined ? undefined : gte(column, new Date(range.from)), range.to === undefined ? undefined : lte(column, new Date(range.to)));
}

/** Each value travels as a jsonb parameter, so `'`, `%` and unicode in a key or a value are data, never SQL. */
function customFieldsSql(wanted: ViewFilter['customFields']): SQL | undefined {
  if (wanted === undefined) return undefined;
  const keys = Object.entries(wanted).map(([key, values]) => {
    if (values.length === 0) return sql`false`;
    const listed = sql.join(
      values.map((v) => sql`${JSON.stringify(v)}::jsonb`),
      sql`, `,
    );
    return sql`(${tickets.customFields} -> ${key}::text) in (${listed})`;
  });
  return and(...keys);
}

/**
 * Compiles a validated view filter to parameterised conditions; mirrors core's ticketMatchesFilter
 * so the extension's index and the server agree on what a view holds
 * (an empty list matches nothing, as in core). The viewer is who "assigned to me" means.
 */
export function viewFilterSql(filter: ViewFilter, viewer: FilterViewer | null = null): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    filter.statuses && inArray(tickets.status, filter.statuses),
    filter.priorities && inArray(tickets.priority, filter.priorities),
    filter.channels && inArray(tickets.channel, filter.channels),
    filter.assigneeAgentIds && inArray(tickets.assigneeAgentId, filter.assigneeAgentIds),
    filter.assigneeTeamIds && inArray(tickets.assigneeTeamId, filter.assigneeTeamIds),
    assigneeMeSql(filter.assigneeMe, viewer),
    unassignedSql(filter.unassigned),
    filter.blueprintId === undefined ? undefined : eq(tickets.blueprintId, filter.blueprintId),
    filter.tags && arrayOverlaps(tickets.tags, filter.tags),
    filter.contactIds && inArray(tickets.contactId, filter.contactIds),
    filter.accounts && inArray(tickets.account, filter.accounts),
    rangeSql(tickets.createdAt, filter.createdAt),
    rangeSql(tickets.updatedAt, filter.updatedAt),
    customFieldsSql(filter.customFields),
    eq(tickets.spam, filter.spam ?? false),
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}
