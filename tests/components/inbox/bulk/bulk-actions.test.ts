import { describe, expect, it } from 'vitest';
import { blockedReason, jobFor } from '../../../../components/inbox/bulk/bulk-actions';
import type { View } from '../../../../core/schemas/view';
import type { AgentAccess } from '../../../../core/rules/permissions';
import type { TicketSummary } from '../../../../core/schemas/messages';

const summary = (id: number, departmentId: number): TicketSummary => ({
  id,
  number: 1000 + id,
  departmentId,
  channel: 'email',
  status: 'open',
  priority: 'medium',
  assigneeAgentId: null,
  assigneeTeamId: null,
  subject: 's',
  createdAt: '2026-11-01T10:00:00Z',
  trashedAt: null,
  mergedIntoId: null,
  version: 1,
});
const access: AgentAccess = {
  agentId: 1,
  departments: [
    { departmentId: 1, departmentName: 'Support', permissions: ['ticket.view', 'ticket.edit'] },
    { departmentId: 2, departmentName: 'Billing', permissions: ['ticket.view', 'ticket.edit', 'ticket.delete'] },
  ],
};

describe('what the bulk bar offers', () => {
  it('R-BULK-2 a mixed selection counts as the all-departments view: close yes, assign no', () => {
    const mixed = [summary(1, 1), summary(2, 2)];
    expect(blockedReason('close', mixed, access)).toBeNull();
    expect(blockedReason('assign', mixed, access)).toMatch(/^Assign is not available in the all-departments view/);
    expect(jobFor('close', mixed, {})).toMatchObject({ departmentId: 'all', ticketIds: [1, 2] });
  });

  it('R-PERM-5 greys an operation without its permission, naming it', () => {
    expect(blockedReason('delete', [summary(1, 1)], access)).toContain('ticket.delete in department Support');
    expect(blockedReason('delete', [summary(2, 2)], access)).toBeNull();
  });

  it('R-BULK-1 more than 50 selected tickets is not a bulk action', () => {
    const many = Array.from({ length: 51 }, (_, i) => summary(i + 1, 1));
    expect(blockedReason('close', many, access)).toMatch(/^You selected 51 tickets; a bulk action runs on at most 50/);
    expect(blockedReason('close', many.slice(0, 50), access)).toBeNull();
    expect(jobFor('close', many.slice(0, 50), {}).departmentId).toBe(1);
  });

  const view = (id: number, kind: View['kind'], departmentId: number | null): View => ({
    id,
    name: kind === 'spam' ? 'Spam' : 'Open tickets',
    kind,
    departmentId,
    ownerAgentId: null,
    filter: kind === 'spam' ? { spam: true } : { statuses: ['open'] },
    lastUsedAt: '2026-11-01T10:00:00Z',
  });

  it('R-BULK-7 a row selection acts from the view shown beside it, so one job per view holds for it too', () => {
    expect(jobFor('close', [summary(1, 1), summary(2, 1)], {}, view(11, 'normal', 1))).toMatchObject({ departmentId: 1, viewId: 11, ticketIds: [1, 2] });
    // Another department's view is not where these tickets were selected: no view is claimed.
    expect(jobFor('close', [summary(1, 1)], {}, view(21, 'normal', 2))).not.toHaveProperty('viewId');
    expect(jobFor('close', [summary(1, 1), summary(2, 2)], {}, view(99, 'all_departments', null))).toMatchObject({ departmentId: 'all', viewId: 99 });
  });

  it('R-BULK-4 a selection made in the spam folder acts from the spam view, where nothing runs', () => {
    expect(blockedReason('close', [summary(1, 1)], access, view(12, 'spam', 1))).toMatch(/^No bulk or mass action runs in the view "Spam"/);
    expect(blockedReason('close', [summary(1, 1)], access, view(11, 'normal', 1))).toBeNull();
  });

  it("R-BULK-2 the all-departments view shown beside one department's selection still refuses assign", () => {
    expect(blockedReason('assign', [summary(1, 1)], access, view(99, 'all_departments', null))).toMatch(/^Assign is not available in the all-departments view/);
  });
});
