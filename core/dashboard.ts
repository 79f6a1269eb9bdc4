import type { DashboardNames, DashboardStats, DashboardTicket, DayFlow, WaitingTicket } from './schemas/dashboard';
import type { Directory } from './schemas/directory';
import type { Ticket, TicketStatus } from './schemas/ticket';

/** Days in the created-vs-closed chart, today included. */
export const FLOW_DAYS = 14;
/** Tickets shown per list in a popup; the total says how many more there are. */
export const LIST_CAP = 10;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The statuses of an open ticket, in the order the dashboard lists them (TicketStatus.options without closed). */
export const OPEN_STATUSES = ['open', 'on_hold', 'waiting_on_customer', 'escalated'] as const satisfies readonly TicketStatus[];

/** The team owes these a move; the others wait on the customer, on hold, or are done. */
const WAITING_ON_TEAM: ReadonlySet<TicketStatus> = new Set(['open', 'escalated']);

export interface DashboardOptions {
  now: Date;
  /** Where the days start and end: an IANA zone ("Asia/Tokyo") or a UTC offset ("+09:00"). */
  timeZone: string;
  cap?: number;
}

/** Trashed, merged-away and spam tickets are no work of the team's. */
export const onDashboard = (t: Ticket) => !t.trashedAt && !t.mergedIntoId && !t.spam;

const listed = (t: Ticket): DashboardTicket => ({
  id: t.id,
  number: t.number,
  subject: t.subject,
  departmentId: t.departmentId,
  status: t.status,
  assigneeAgentId: t.assigneeAgentId,
  assigneeTeamId: t.assigneeTeamId,
  createdAt: t.createdAt,
  channel: t.channel,
  webmailThreads: t.webmailThreads,
});

const oldestFirst = (a: Ticket, b: Ticket) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number;

function tally<K>(items: readonly Ticket[], key: (t: Ticket) => K | null): Map<K, number> {
  const found = new Map<K, number>();
  for (const t of items) {
    const k = key(t);
    if (k !== null) found.set(k, (found.get(k) ?? 0) + 1);
  }
  return found;
}

/** Largest first; equal counts by id, so the order is stable between refreshes. */
const ranked = <K extends string>(found: Map<number, number>, name: K) =>
  [...found].sort(([ida, a], [idb, b]) => b - a || ida - idb).map(([id, count]) => ({ [name]: id, count }) as { [P in K]: number } & { count: number });

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayKeyer(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (ms) => {
    const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}

/** The last `count` local dates, oldest first, ending with the one `now` falls on. */
export function lastDays(now: Date, timeZone: string, count = FLOW_DAYS): string[] {
  const [y, m, d] = dayKeyer(timeZone)(now.getTime()).split('-').map(Number) as [number, number, number];
  // Calendar arithmetic on the date alone: no time zone, no daylight-saving hour can shift it.
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d - (count - 1 - i))).toISOString().slice(0, 10));
}

/** Tickets created and closed per local day; closedAt is cleared on reopening, so a reopened ticket counts as not closed. */
function flowOf(tickets: readonly Ticket[], now: Date, timeZone: string): DayFlow[] {
  const days = lastDays(now, timeZone);
  const flow = days.map((day) => ({ day, created: 0, closed: 0 }));
  const slot = new Map(days.map((day, i) => [day, flow[i]!]));
  const keyOf = dayKeyer(timeZone);
  // A cheap bound before the costly zone formatting: 14 local days never span more than 15 × 24 h.
  const earliest = now.getTime() - (FLOW_DAYS + 1) * DAY_MS;
  const bump = (iso: string | null, field: 'created' | 'closed') => {
    const ms = iso ? Date.parse(iso) : NaN;
    if (ms >= earliest) {
      const day = slot.get(keyOf(ms));
      if (day) day[field] += 1;
    }
  };
  for (const t of tickets) {
    bump(t.createdAt, 'created');
    bump(t.closedAt, 'closed');
  }
  return flow;
}

/** The dashboard's two ticket lists, by the name DashboardStats gives them. */
export type DashboardListName = 'unassigned' | 'oldestWaiting';

const LIST_MEMBERS: Record<DashboardListName, (t: Ticket) => boolean> = {
  unassigned: (t) => t.assigneeAgentId === null && t.assigneeTeamId === null,
  oldestWaiting: (t) => WAITING_ON_TEAM.has(t.status),
};

/** What the dashboard counts as open work: every status but closed. */
const openOf = (live: readonly Ticket[]) => live.filter((t) => t.status !== 'closed');
const listMembers = (open: readonly Ticket[], name: DashboardListName) => open.filter(LIST_MEMBERS[name]).sort(oldestFirst);
const ageAt = (now: Date) => (t: Ticket) => Math.max(0, now.getTime() - Date.parse(t.createdAt));
const capped = <T>(all: Ticket[], cap: number, item: (t: Ticket) => T) => ({ total: all.length, items: all.slice(0, cap).map(item) });

/** More of one list than the snapshot holds: "Show more" in the popup pages past the first LIST_CAP. */
export function dashboardList(all: readonly Ticket[], name: DashboardListName, { now, limit }: { now: Date; limit: number }): { total: number; items: WaitingTicket[] } {
  const open = openOf(all.filter(onDashboard));
  const age = ageAt(now);
  return capped(listMembers(open, name), limit, (t) => ({ ...listed(t), ageMs: age(t) }));
}

/** The team lead's overview of the tickets in the local index (the ones the agent may see, R-PERM-5). */
export function dashboardStats(all: readonly Ticket[], { now, timeZone, cap = LIST_CAP }: DashboardOptions): DashboardStats {
  const live = all.filter(onDashboard);
  const open = openOf(live);
  const unassigned = listMembers(open, 'unassigned');
  const waiting = listMembers(open, 'oldestWaiting');
  const age = ageAt(now);
  return {
    openTotal: open.length,
    byStatus: Object.fromEntries(tally(open, (t) => t.status)),
    byDepartment: ranked(
      tally(open, (t) => t.departmentId),
      'departmentId',
    ),
    byAssignee: {
      agents: ranked(
        tally(open, (t) => t.assigneeAgentId),
        'agentId',
      ),
      teams: ranked(
        tally(open, (t) => (t.assigneeAgentId === null ? t.assigneeTeamId : null)),
        'teamId',
      ),
      unassigned: unassigned.length,
    },
    unassigned: capped(unassigned, cap, listed),
    oldestWaiting: capped(waiting, cap, (t): WaitingTicket => ({ ...listed(t), ageMs: age(t) })),
    flow: flowOf(live, now, timeZone),
    timeZone,
  };
}

/** Every department, agent and team name by id (a few hundred at most): none of the stats' ids can be missing. */
export function directoryNames(directory: Directory | undefined): DashboardNames {
  const byId = (items: { id: number; name: string }[] = []) => Object.fromEntries(items.map((i) => [String(i.id), i.name]));
  return { departments: byId(directory?.departments), agents: byId(directory?.agents), teams: byId(directory?.teams) };
}
