import { describe, expect, it } from 'vitest';
import { dashboardList, dashboardStats, directoryNames, FLOW_DAYS, lastDays, LIST_CAP, OPEN_STATUSES } from '../../core/dashboard';
import { DashboardStats } from '../../core/schemas/dashboard';
import { TicketStatus, type Ticket } from '../../core/schemas/ticket';
import { makeTicket } from './rules/fixtures';

// 2026-12-02 15:00 in Tokyo (+09:00, no daylight saving): Tokyo's today is 2026-12-02.
const NOW = new Date('2026-12-02T06:00:00Z');
const TOKYO = { now: NOW, timeZone: 'Asia/Tokyo' };

let next = 1;
const ticket = (overrides: Partial<Ticket> = {}) => {
  const id = next++;
  return makeTicket({ id, number: 1000 + id, ...overrides });
};

const flowOn = (stats: DashboardStats, day: string) => stats.flow.find((d) => d.day === day);

describe('dashboardStats: what counts', () => {
  it('leaves out trashed, merged-away and spam tickets everywhere', () => {
    const stats = dashboardStats(
      [
        ticket({ createdAt: '2026-12-02T01:00:00Z' }),
        ticket({ trashedAt: '2026-12-02T02:00:00Z', createdAt: '2026-12-02T01:00:00Z' }),
        ticket({ mergedIntoId: 1, createdAt: '2026-12-02T01:00:00Z' }),
        ticket({ spam: true, createdAt: '2026-12-02T01:00:00Z' }),
      ],
      TOKYO,
    );
    expect(stats.openTotal).toBe(1);
    expect(stats.unassigned.total).toBe(1);
    expect(stats.oldestWaiting.total).toBe(1);
    expect(flowOn(stats, '2026-12-02')?.created).toBe(1);
  });

  it('counts open tickets (status other than closed) by status, department and assignee', () => {
    const stats = dashboardStats(
      [
        ticket({ status: 'open', departmentId: 10, assigneeAgentId: 7 }),
        ticket({ status: 'open', departmentId: 10, assigneeAgentId: 7 }),
        ticket({ status: 'escalated', departmentId: 20, assigneeAgentId: 8 }),
        ticket({ status: 'on_hold', departmentId: 20, assigneeTeamId: 3 }),
        ticket({ status: 'waiting_on_customer', departmentId: 20 }),
        ticket({ status: 'closed', departmentId: 30, assigneeAgentId: 9 }),
      ],
      TOKYO,
    );
    expect(stats.openTotal).toBe(5);
    expect(stats.byStatus).toEqual({ open: 2, escalated: 1, on_hold: 1, waiting_on_customer: 1 });
    expect(stats.byDepartment).toEqual([
      { departmentId: 20, count: 3 },
      { departmentId: 10, count: 2 },
    ]);
    expect(stats.byAssignee).toEqual({
      agents: [
        { agentId: 7, count: 2 },
        { agentId: 8, count: 1 },
      ],
      teams: [{ teamId: 3, count: 1 }],
      unassigned: 1,
    });
  });

  it('counts a ticket with an agent under the agent, not also under its team', () => {
    const stats = dashboardStats([ticket({ assigneeAgentId: 7, assigneeTeamId: 3 })], TOKYO);
    expect(stats.byAssignee).toEqual({ agents: [{ agentId: 7, count: 1 }], teams: [], unassigned: 0 });
  });

  it('is valid against its schema, also for an empty index', () => {
    expect(DashboardStats.parse(dashboardStats([], TOKYO))).toMatchObject({ openTotal: 0, byStatus: {}, unassigned: { total: 0, items: [] } });
    expect(dashboardStats([], TOKYO).flow).toHaveLength(FLOW_DAYS);
  });
});

describe('dashboardStats: lists', () => {
  it('lists unassigned open tickets oldest first, capped, with the total', () => {
    const tickets = Array.from({ length: LIST_CAP + 5 }, (_, i) => ticket({ createdAt: new Date(Date.UTC(2026, 10, 30 - i)).toISOString() }));
    tickets.push(ticket({ status: 'closed', createdAt: '2020-01-01T00:00:00Z' }), ticket({ assigneeTeamId: 3, createdAt: '2020-01-01T00:00:00Z' }));
    const { unassigned } = dashboardStats(tickets, TOKYO);
    expect(unassigned.total).toBe(LIST_CAP + 5);
    expect(unassigned.items).toHaveLength(LIST_CAP);
    const created = unassigned.items.map((t) => Date.parse(t.createdAt));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(unassigned.items[0]?.createdAt).toBe(new Date(Date.UTC(2026, 10, 30 - (LIST_CAP + 4))).toISOString());
  });

  it('lists oldest-waiting tickets (open or escalated only) with their age', () => {
    const old = ticket({ status: 'escalated', assigneeAgentId: 7, createdAt: '2026-11-30T06:00:00Z' });
    const young = ticket({ status: 'open', createdAt: '2026-12-02T05:00:00Z' });
    const others = [ticket({ status: 'on_hold', createdAt: '2020-01-01T00:00:00Z' }), ticket({ status: 'waiting_on_customer', createdAt: '2020-01-01T00:00:00Z' })];
    const { oldestWaiting } = dashboardStats([young, ...others, old], TOKYO);
    expect(oldestWaiting.total).toBe(2);
    expect(oldestWaiting.items.map((t) => [t.id, t.ageMs])).toEqual([
      [old.id, 2 * 24 * 3600_000],
      [young.id, 3600_000],
    ]);
  });

  it('pages a list past the cap with "Show more": the same order, the same total, the next tickets', () => {
    const tickets = Array.from({ length: 25 }, (_, i) => ticket({ createdAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString() }));
    tickets.push(ticket({ spam: true, createdAt: '2020-01-01T00:00:00Z' }), ticket({ status: 'closed', createdAt: '2020-01-01T00:00:00Z' }));
    const first = dashboardStats(tickets, TOKYO).unassigned;
    const more = dashboardList(tickets, 'unassigned', { now: NOW, limit: 20 });
    expect(more.total).toBe(25);
    expect(more.items.map((t) => t.id)).toEqual(tickets.slice(0, 20).map((t) => t.id));
    expect(more.items.slice(0, LIST_CAP).map((t) => t.id)).toEqual(first.items.map((t) => t.id));
    expect(dashboardList(tickets, 'oldestWaiting', { now: NOW, limit: 100 }).items).toHaveLength(25);
    expect(more.items[0]!.ageMs).toBe(NOW.getTime() - Date.parse(tickets[0]!.createdAt));
  });

  it('orders equal creation times by ticket number', () => {
    const a = ticket({ number: 9, createdAt: '2026-12-01T00:00:00Z' });
    const b = ticket({ number: 3, createdAt: '2026-12-01T00:00:00+00:00' });
    expect(dashboardStats([a, b], TOKYO).unassigned.items.map((t) => t.number)).toEqual([3, 9]);
  });

  it('carries what it takes to show and open a ticket, and nothing more', () => {
    const thread = { provider: 'gmail' as const, mailbox: 'support@acme.test', threadId: '18be3dcdd8224f79' };
    const t = { ...ticket({ webmailThreads: [thread], channel: 'email', subject: 'Refund' }), threadKeys: ['x'] };
    expect(dashboardStats([t], TOKYO).unassigned.items[0]).toEqual({
      id: t.id,
      number: t.number,
      subject: 'Refund',
      departmentId: 10,
      status: 'open',
      assigneeAgentId: null,
      assigneeTeamId: null,
      createdAt: t.createdAt,
      channel: 'email',
      webmailThreads: [thread],
    });
  });

  it('never shows a negative age for a ticket from a clock ahead of ours', () => {
    const { oldestWaiting } = dashboardStats([ticket({ createdAt: '2026-12-02T07:00:00Z' })], TOKYO);
    expect(oldestWaiting.items[0]?.ageMs).toBe(0);
  });
});

describe('dashboardStats: created vs closed per local day', () => {
  it('covers the last 14 local days, oldest first, today last', () => {
    const { flow } = dashboardStats([], TOKYO);
    expect(flow.map((d) => d.day)).toEqual(lastDays(NOW, 'Asia/Tokyo'));
    expect(flow[0]?.day).toBe('2026-11-19');
    expect(flow.at(-1)?.day).toBe('2026-12-02');
  });

  it('counts created by createdAt and closed by closedAt', () => {
    const stats = dashboardStats(
      [
        ticket({ createdAt: '2026-12-01T03:00:00Z' }),
        ticket({ createdAt: '2026-12-01T04:00:00Z', status: 'closed', closedAt: '2026-12-02T01:00:00Z' }),
        // Closed long after it was created: only its closing is in the window.
        ticket({ createdAt: '2026-01-01T00:00:00Z', status: 'closed', closedAt: '2026-12-01T05:00:00Z' }),
        // Reopened: the trigger cleared closedAt.
        ticket({ createdAt: '2026-01-01T00:00:00Z', status: 'open', closedAt: null }),
      ],
      TOKYO,
    );
    expect(flowOn(stats, '2026-12-01')).toEqual({ day: '2026-12-01', created: 2, closed: 1 });
    expect(flowOn(stats, '2026-12-02')).toEqual({ day: '2026-12-02', created: 0, closed: 1 });
    expect(stats.flow.reduce((n, d) => n + d.created, 0)).toBe(2);
  });

  it('starts a day at local midnight: 23:59:59.999 is the day before, 00:00 the day itself', () => {
    // Tokyo midnight of 2026-12-02 is 2026-12-01T15:00Z.
    const stats = dashboardStats([ticket({ createdAt: '2026-12-01T14:59:59.999Z' }), ticket({ createdAt: '2026-12-01T15:00:00Z' })], TOKYO);
    expect(flowOn(stats, '2026-12-01')?.created).toBe(1);
    expect(flowOn(stats, '2026-12-02')?.created).toBe(1);
  });

  it('keeps the first day from its local midnight and drops anything before it', () => {
    // The first day is 2026-11-19 in Tokyo; it starts at 2026-11-18T15:00Z.
    const stats = dashboardStats([ticket({ createdAt: '2026-11-18T15:00:00Z' }), ticket({ createdAt: '2026-11-18T14:59:59.999Z' })], TOKYO);
    expect(stats.flow[0]).toEqual({ day: '2026-11-19', created: 1, closed: 0 });
    expect(stats.flow.reduce((n, d) => n + d.created, 0)).toBe(1);
  });

  it('leaves out a ticket created exactly 14 × 24 hours ago: that is the 15th day back', () => {
    const exactly = new Date(NOW.getTime() - 14 * 24 * 3600_000).toISOString();
    const stats = dashboardStats([ticket({ createdAt: exactly })], TOKYO);
    expect(stats.flow.reduce((n, d) => n + d.created, 0)).toBe(0);
    const justInside = new Date(NOW.getTime() - 13 * 24 * 3600_000).toISOString();
    expect(dashboardStats([ticket({ createdAt: justInside })], TOKYO).flow[0]?.created).toBe(1);
  });

  it('puts the same instant on different days in different zones', () => {
    const t = ticket({ createdAt: '2026-12-01T20:00:00Z' });
    expect(flowOn(dashboardStats([t], TOKYO), '2026-12-02')?.created).toBe(1);
    expect(flowOn(dashboardStats([t], { now: NOW, timeZone: 'UTC' }), '2026-12-01')?.created).toBe(1);
    expect(flowOn(dashboardStats([t], { now: NOW, timeZone: '+09:00' }), '2026-12-02')?.created).toBe(1);
    expect(flowOn(dashboardStats([t], { now: NOW, timeZone: '-05:00' }), '2026-12-01')?.created).toBe(1);
  });

  it('ignores timestamps after now (a clock ahead of ours)', () => {
    const stats = dashboardStats([ticket({ createdAt: '2026-12-03T10:00:00Z' })], TOKYO);
    expect(stats.flow.reduce((n, d) => n + d.created, 0)).toBe(0);
  });
});

describe('lastDays', () => {
  it('counts calendar days across a daylight-saving change and a month end', () => {
    // New York left daylight saving on 2026-11-01: that day had 25 hours.
    const days = lastDays(new Date('2026-11-03T12:00:00Z'), 'America/New_York', 5);
    expect(days).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03']);
  });

  it('takes today from the zone, not from UTC', () => {
    // 23:30 UTC on Dec 1 is already Dec 2 in Tokyo.
    expect(lastDays(new Date('2026-12-01T23:30:00Z'), 'Asia/Tokyo', 1)).toEqual(['2026-12-02']);
    expect(lastDays(new Date('2026-12-01T23:30:00Z'), 'UTC', 1)).toEqual(['2026-12-01']);
  });

  it('starts a new day at local midnight', () => {
    expect(lastDays(new Date('2026-12-01T14:59:59.999Z'), 'Asia/Tokyo', 1)).toEqual(['2026-12-01']);
    expect(lastDays(new Date('2026-12-01T15:00:00Z'), 'Asia/Tokyo', 1)).toEqual(['2026-12-02']);
  });
});

describe('directoryNames', () => {
  it('names departments, agents and teams by id, and nothing without a directory', () => {
    const directory = {
      departments: [
        {
          id: 10,
          name: 'Support',
          supportAddresses: [],
          fromAddresses: [],
          helpCenter: false,
          features: { receipts: false, cc: false, ccOptions: { customersMayAddCc: false, autoAddRecipients: false } },
        },
      ],
      agents: [{ id: 7, email: 'kim@acme.test', name: 'Kim', active: true, departmentIds: [10] }],
      teams: [{ id: 3, name: 'Billing', departmentId: 10, memberIds: [7] }],
    };
    expect(directoryNames(directory)).toEqual({ departments: { '10': 'Support' }, agents: { '7': 'Kim' }, teams: { '3': 'Billing' } });
    expect(directoryNames(undefined)).toEqual({ departments: {}, agents: {}, teams: {} });
  });
});

describe('OPEN_STATUSES', () => {
  it('is every status but closed, in the schema order', () => {
    expect([...OPEN_STATUSES]).toEqual(TicketStatus.options.filter((s) => s !== 'closed'));
  });
});
