import { describe, expect, it } from 'vitest';
import { mergeBlockedReason, sameDepartmentFirst } from '../../../../components/inbox/merge/merge-selection';
import type { TicketSummary } from '../../../../core/schemas/messages';
import { makeAccess } from '../../../core/rules/fixtures';

const summary = (id: number, departmentId = 1, over: Partial<TicketSummary> = {}): TicketSummary => ({
  id,
  number: 1000 + id,
  departmentId,
  channel: 'email',
  status: 'open',
  priority: 'medium',
  assigneeAgentId: null,
  assigneeTeamId: null,
  subject: 's',
  createdAt: `2026-11-0${id}T10:00:00Z`,
  trashedAt: null,
  mergedIntoId: null,
  version: 1,
  ...over,
});
const access = makeAccess({ 1: ['ticket.view', 'ticket.merge'], 2: ['ticket.view'] }, { 1: 'Support', 2: 'Billing' });

describe('whether the bar and the panel offer Merge', () => {
  it('R-MERGE-2 needs 2 to 5 tickets', () => {
    expect(mergeBlockedReason([summary(1)], access)).toMatch(/^Select at least 2/);
    expect(mergeBlockedReason([summary(1), summary(2)], access)).toBeNull();
    expect(
      mergeBlockedReason(
        [1, 2, 3, 4, 5].map((id) => summary(id)),
        access,
      ),
    ).toBeNull();
    expect(
      mergeBlockedReason(
        [1, 2, 3, 4, 5, 6].map((id) => summary(id)),
        access,
      ),
    ).toMatch(/at most 5/);
  });

  it('R-MERGE-2 refuses tickets of different departments', () => {
    expect(mergeBlockedReason([summary(1, 1), summary(2, 2)], access)).toMatch(/different departments/);
  });

  it('R-MERGE-1 needs ticket.merge in the department, naming it', () => {
    expect(mergeBlockedReason([summary(1, 2), summary(2, 2)], access)).toMatch(/ticket\.merge/);
  });

  it('R-MERGE-7 a ticket already merged away cannot be merged again', () => {
    expect(mergeBlockedReason([summary(1), summary(2, 1, { mergedIntoId: 7 })], access)).toMatch(/^#1002 was already merged into another ticket/);
  });

  it("R-MERGE-10 lists the contact's tickets of the same department first, keeping the order within each group", () => {
    const ordered = sameDepartmentFirst([summary(5, 2), summary(4, 1), summary(3, 2), summary(2, 1)], 1);
    expect(ordered.map((t) => t.id)).toEqual([4, 2, 5, 3]);
  });
});
