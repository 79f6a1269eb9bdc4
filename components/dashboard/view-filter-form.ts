import type { Channel, Priority, TicketStatus } from '../../core/schemas/ticket';
import type { ViewFilter } from '../../core/schemas/view';

/**
 * Who a view's tickets are assigned to: the one choice the form offers, where the filter has several
 * fields. 'kept' stands for several assignees set through the API, which the form keeps as they are.
 */
export type AssigneeChoice = 'any' | 'unassigned' | 'me' | 'agent' | 'team' | 'kept';

/** What the view form edits: a view's filter in the shape of its inputs (dates as the date input writes them). */
export interface ViewFilterForm {
  statuses: TicketStatus[];
  priorities: Priority[];
  channels: Channel[];
  assignee: AssigneeChoice;
  agentId: number | null;
  teamId: number | null;
  /** Comma-separated, as agents type them. */
  tags: string;
  createdFrom: string;
  createdTo: string;
}

export const emptyViewFilterForm = (): ViewFilterForm => ({
  statuses: [],
  priorities: [],
  channels: [],
  assignee: 'any',
  agentId: null,
  teamId: null,
  tags: '',
  createdFrom: '',
  createdTo: '',
});

const nonEmpty = <T>(values: T[]) => (values.length > 0 ? values : undefined);

const ASSIGNEE_KEYS = ['unassigned', 'assigneeMe', 'assigneeAgentIds', 'assigneeTeamIds'] as const;
/** What the form edits; a saved view's other conditions (contacts, accounts, custom fields, a blueprint…) are kept. */
const FORM_KEYS = new Set<string>(['statuses', 'priorities', 'channels', 'tags', 'createdAt', ...ASSIGNEE_KEYS]);

const pick = (filter: ViewFilter, keys: readonly string[]) => Object.fromEntries(Object.entries(filter).filter(([k]) => keys.includes(k)));

function assigneeFilter(form: ViewFilterForm, original: ViewFilter): Partial<ViewFilter> {
  if (form.assignee === 'kept') return pick(original, ASSIGNEE_KEYS);
  if (form.assignee === 'unassigned') return { unassigned: true };
  if (form.assignee === 'me') return { assigneeMe: true };
  if (form.assignee === 'agent' && form.agentId !== null) return { assigneeAgentIds: [form.agentId] };
  if (form.assignee === 'team' && form.teamId !== null) return { assigneeTeamIds: [form.teamId] };
  return {};
}

/** A day typed in the form covers that whole day in the agent's time zone: "to" ends at its last millisecond. */
function createdRange(form: ViewFilterForm): ViewFilter['createdAt'] {
  if (!form.createdFrom && !form.createdTo) return undefined;
  return {
    ...(form.createdFrom ? { from: new Date(`${form.createdFrom}T00:00:00`).toISOString() } : {}),
    ...(form.createdTo ? { to: new Date(`${form.createdTo}T23:59:59.999`).toISOString() } : {}),
  };
}

/** The filter the backend validates and compiles; fields left empty are left out (they match every ticket). */
export function toViewFilter(form: ViewFilterForm, original: ViewFilter = {}): ViewFilter {
  const tags = form.tags
    .split(/[,、]/)
    .map((t) => t.trim())
    .filter(Boolean);
  const filter: ViewFilter = {
    ...Object.fromEntries(Object.entries(original).filter(([k]) => !FORM_KEYS.has(k))),
    statuses: nonEmpty(form.statuses),
    priorities: nonEmpty(form.priorities),
    channels: nonEmpty(form.channels),
    ...assigneeFilter(form, original),
    tags: nonEmpty([...new Set(tags)]),
    createdAt: createdRange(form),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as ViewFilter;
}

const day = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function assigneeChoice(filter: ViewFilter): Pick<ViewFilterForm, 'assignee' | 'agentId' | 'teamId'> {
  const agents = filter.assigneeAgentIds?.length ?? 0;
  const teams = filter.assigneeTeamIds?.length ?? 0;
  if (agents + teams > 1) return { assignee: 'kept', agentId: null, teamId: null };
  if (filter.unassigned) return { assignee: 'unassigned', agentId: null, teamId: null };
  if (filter.assigneeMe) return { assignee: 'me', agentId: null, teamId: null };
  if (filter.assigneeAgentIds?.length) return { assignee: 'agent', agentId: filter.assigneeAgentIds[0]!, teamId: null };
  if (filter.assigneeTeamIds?.length) return { assignee: 'team', agentId: null, teamId: filter.assigneeTeamIds[0]! };
  return { assignee: 'any', agentId: null, teamId: null };
}

/** A saved view's filter in the form's shape, for editing it. */
export function fromViewFilter(filter: ViewFilter): ViewFilterForm {
  return {
    statuses: [...(filter.statuses ?? [])],
    priorities: [...(filter.priorities ?? [])],
    channels: [...(filter.channels ?? [])],
    ...assigneeChoice(filter),
    tags: (filter.tags ?? []).join(', '),
    createdFrom: day(filter.createdAt?.from),
    createdTo: day(filter.createdAt?.to),
  };
}

/** Whether a saved filter has conditions the form does not show (kept when the view is saved). */
export const hasConditionsBeyondForm = (filter: ViewFilter): boolean => Object.keys(filter).some((k) => !FORM_KEYS.has(k)) || assigneeChoice(filter).assignee === 'kept';
