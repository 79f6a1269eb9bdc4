import { dashboardStats, directoryNames } from '../../core/dashboard';
import type { DashboardView } from '../../core/schemas/dashboard';
import type { Department } from '../../core/schemas/department';
import type { Directory } from '../../core/schemas/directory';
import { defaultDepartmentFeatures } from '../../core/schemas/department';
import type { Ticket } from '../../core/schemas/ticket';
import { makeTicket } from '../core/rules/fixtures';

/** 15:00 in Tokyo on 2026-12-02: the dashboards below are computed for this moment. */
export const NOW = new Date('2026-12-02T06:00:00Z');
export const SUPPORT = 10;
export const SALES = 20;
export const GMAIL_THREAD = { provider: 'gmail' as const, mailbox: 'support@acme.test', threadId: '18be3dcdd8224f79' };
export const OUTLOOK_THREAD = { provider: 'outlook' as const, mailbox: 'sales@acme.test', threadId: 'AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQAB1cKq7mUxNPkY0xT3r9O2Q=' };

const department = (id: number, name: string): Department => ({
  id,
  name,
  supportAddresses: [],
  fromAddresses: [],
  helpCenter: false,
  features: defaultDepartmentFeatures,
});

export const DIRECTORY: Directory = {
  departments: [department(SUPPORT, 'Support'), department(SALES, 'Sales')],
  agents: [
    { id: 7, email: 'kim@acme.test', name: 'Kim Agent', active: true, departmentIds: [SUPPORT] },
    { id: 8, email: 'lee@acme.test', name: 'Lee Agent', active: true, departmentIds: [SALES] },
  ],
  teams: [{ id: 3, name: 'Billing team', departmentId: SALES, memberIds: [8] }],
};

let next = 100;
export const ticket = (over: Partial<Ticket> = {}) => {
  const id = next++;
  return makeTicket({ id, number: id + 1000, createdAt: '2026-12-01T03:00:00Z', ...over });
};

/** The tickets every dashboard test starts from: 5 open (2 unassigned), 1 closed today. */
export function sampleTickets(): Ticket[] {
  return [
    ticket({ id: 1, number: 1001, subject: 'Login fails', departmentId: SUPPORT, webmailThreads: [GMAIL_THREAD], createdAt: '2026-11-20T01:00:00Z' }),
    ticket({ id: 2, number: 1002, subject: 'Invoice copy', departmentId: SALES, webmailThreads: [OUTLOOK_THREAD], createdAt: '2026-11-25T01:00:00Z' }),
    ticket({
      id: 3,
      number: 1003,
      subject: 'Chat about shipping',
      departmentId: SUPPORT,
      channel: 'chat',
      assigneeAgentId: 7,
      status: 'escalated',
      createdAt: '2026-11-28T01:00:00Z',
    }),
    ticket({ id: 4, number: 1004, subject: 'Waiting for photos', departmentId: SUPPORT, assigneeAgentId: 7, status: 'waiting_on_customer' }),
    ticket({ id: 5, number: 1005, subject: 'Refund', departmentId: SALES, assigneeTeamId: 3, status: 'on_hold' }),
    ticket({ id: 6, number: 1006, subject: 'Done', departmentId: SALES, assigneeAgentId: 8, status: 'closed', closedAt: '2026-12-02T02:00:00Z' }),
  ];
}

export function viewOf(tickets: Ticket[], over: Partial<DashboardView> = {}): DashboardView {
  return {
    stats: dashboardStats(tickets, { now: NOW, timeZone: 'Asia/Tokyo' }),
    names: directoryNames(DIRECTORY),
    connected: true,
    computedAt: NOW.toISOString(),
    lastSyncAt: null,
    ticketCount: tickets.length,
    syncError: null,
    ...over,
  };
}
