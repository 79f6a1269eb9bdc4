import type { Permission } from '../../../core/schemas/role';
import type { Ticket } from '../../../core/schemas/ticket';
import type { AgentAccess } from '../../../core/rules/permissions';
import type { Verdict } from '../../../core/rules/verdict';

/** A complete, valid ticket; tests override only what they look at. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 1,
    number: 1001,
    departmentId: 10,
    channel: 'email',
    contactId: 500,
    secondaryContactIds: [],
    ccAddresses: [],
    subject: 'Cannot log in',
    status: 'open',
    priority: 'medium',
    assigneeAgentId: null,
    assigneeTeamId: null,
    account: null,
    product: null,
    category: null,
    tags: [],
    resolution: null,
    blueprintId: null,
    customFields: {},
    lastThreadChannel: 'email',
    spam: false,
    trashedAt: null,
    mergedIntoId: null,
    webmailThreads: [],
    createdAt: '2025-01-01T10:00:00Z',
    updatedAt: '2025-01-01T10:00:00Z',
    firstResponseAt: null,
    closedAt: null,
    onHoldSeconds: 0,
    onHoldSince: null,
    version: 1,
    ...overrides,
  };
}

/** Access of agent 7 with the given permissions per department id. */
export function makeAccess(byDepartment: Record<number, Permission[]>, names: Record<number, string> = {}): AgentAccess {
  return {
    agentId: 7,
    departments: Object.entries(byDepartment).map(([id, permissions]) => {
      const departmentId = Number(id);
      const departmentName = names[departmentId];
      return departmentName === undefined ? { departmentId, permissions } : { departmentId, departmentName, permissions };
    }),
  };
}

/** The violations of a verdict, or [] when it allows. */
export function violationsOf(verdict: Verdict) {
  return verdict.ok ? [] : verdict.violations;
}

/** The rule ids a verdict cites, in order. */
export function rulesOf(verdict: Verdict): string[] {
  return violationsOf(verdict).map((v) => v.rule);
}

/** n distinct ids starting at 1. */
export function ids(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
