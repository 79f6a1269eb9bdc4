import { z } from 'zod';
import { Id, Timestamp } from './common';
import { Ticket, TicketStatus } from './ticket';

/** A ticket as the dashboard lists it: enough to name it, place it and open its conversation. */
export const DashboardTicket = Ticket.pick({
  id: true,
  number: true,
  subject: true,
  departmentId: true,
  status: true,
  assigneeAgentId: true,
  assigneeTeamId: true,
  createdAt: true,
  channel: true,
  webmailThreads: true,
});
export type DashboardTicket = z.infer<typeof DashboardTicket>;

/** A ticket the team owes a move, with how long it has waited when the stats were computed. */
export const WaitingTicket = DashboardTicket.extend({ ageMs: z.number().int().nonnegative() });
export type WaitingTicket = z.infer<typeof WaitingTicket>;

const Count = z.number().int().nonnegative();

/** A capped list, oldest first, and how many there are in all. */
const Capped = <T extends z.ZodType>(item: T) => z.object({ total: Count, items: z.array(item) });

/** One local day of the created-vs-closed chart; day is the calendar date there (YYYY-MM-DD). */
export const DayFlow = z.object({ day: z.iso.date(), created: Count, closed: Count });
export type DayFlow = z.infer<typeof DayFlow>;

export const DashboardStats = z.object({
  /** Tickets not closed, in all. */
  openTotal: Count,
  /** Open tickets per status (closed never appears). */
  byStatus: z.partialRecord(TicketStatus, Count),
  byDepartment: z.array(z.object({ departmentId: Id, count: Count })),
  byAssignee: z.object({
    agents: z.array(z.object({ agentId: Id, count: Count })),
    /** Assigned to a team but to no agent of it yet. */
    teams: z.array(z.object({ teamId: Id, count: Count })),
    /** Neither an agent nor a team. */
    unassigned: Count,
  }),
  unassigned: Capped(DashboardTicket),
  /** Status open or escalated: the next move is the team's. */
  oldestWaiting: Capped(WaitingTicket),
  /** The last days (oldest first, today last), in the time zone the stats were computed for. */
  flow: z.array(DayFlow),
  timeZone: z.string(),
});
export type DashboardStats = z.infer<typeof DashboardStats>;

/** Names by id from the directory kept with the index, so the first paint needs nothing but the snapshot. */
export const DashboardNames = z.object({
  departments: z.record(z.string(), z.string()),
  agents: z.record(z.string(), z.string()),
  teams: z.record(z.string(), z.string()),
});
export type DashboardNames = z.infer<typeof DashboardNames>;

/** What the popup paints first: the stored snapshot, as computed. */
export const DashboardSnapshotView = z.object({
  stats: DashboardStats,
  names: DashboardNames,
  computedAt: Timestamp,
  /** Live tickets in the local index the stats were computed from (trashed, merged-away and spam left out). */
  ticketCount: Count,
});
export type DashboardSnapshotView = z.infer<typeof DashboardSnapshotView>;

/** Where the index stands against the backend. */
export const DashboardStatus = z.object({
  /** False while no backend is set up: the stats then come from whatever the index holds. */
  connected: z.boolean(),
  lastSyncAt: Timestamp.nullable(),
  /** Why the last sync failed (the stats then come from the index as it was); null when it worked. */
  syncError: z.string().nullable(),
});
export type DashboardStatus = z.infer<typeof DashboardStatus>;

/** The answer to dashboard.get: the snapshot and the sync status. */
export const DashboardView = DashboardSnapshotView.extend(DashboardStatus.shape);
export type DashboardView = z.infer<typeof DashboardView>;
