import { describe, expect, it } from 'vitest';
import { canSeeView, checkViewWrite, DEFAULT_VIEW_ARCHIVE_DAYS, effectiveViewKind, isSystemView } from '../../../core/rules/view-editing';
import type { AgentAccess } from '../../../core/rules/permissions';

const access: AgentAccess = {
  agentId: 3,
  departments: [
    { departmentId: 1, departmentName: 'Support', permissions: ['ticket.view', 'ticket.edit'] },
    { departmentId: 2, departmentName: 'Billing', permissions: ['ticket.view', 'settings.manage'] },
  ],
};
const now = new Date('2026-12-03T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('R-BULK-4: views archived by disuse', () => {
  it('a normal view unused for longer than the period is archived', () => {
    expect(effectiveViewKind({ kind: 'normal', lastUsedAt: daysAgo(DEFAULT_VIEW_ARCHIVE_DAYS + 1) }, now)).toBe('archived');
    expect(effectiveViewKind({ kind: 'normal', lastUsedAt: daysAgo(DEFAULT_VIEW_ARCHIVE_DAYS - 1) }, now)).toBe('normal');
  });
  it("the department's own period decides", () => {
    expect(effectiveViewKind({ kind: 'normal', lastUsedAt: daysAgo(10) }, now, 7)).toBe('archived');
    expect(effectiveViewKind({ kind: 'normal', lastUsedAt: daysAgo(200) }, now, 365)).toBe('normal');
  });
  it('other kinds keep their kind however old', () => {
    expect(effectiveViewKind({ kind: 'spam', lastUsedAt: daysAgo(1000) }, now)).toBe('spam');
    expect(effectiveViewKind({ kind: 'all_departments', lastUsedAt: daysAgo(1000) }, now)).toBe('all_departments');
  });
});

describe('who sees and writes a view', () => {
  it('an own view is its owner’s only; a shared one everyone’s who sees the department', () => {
    expect(canSeeView(access, 3, { departmentId: 1, ownerAgentId: 3 })).toBe(true);
    expect(canSeeView(access, 3, { departmentId: 1, ownerAgentId: 4 })).toBe(false);
    expect(canSeeView(access, 3, { departmentId: 1, ownerAgentId: null })).toBe(true);
    expect(canSeeView(access, 3, { departmentId: 9, ownerAgentId: null })).toBe(false);
  });
  it('R-PERM-5: an own view needs ticket.view, a shared one settings.manage', () => {
    expect(checkViewWrite(access, { departmentId: 1, shared: false }).ok).toBe(true);
    const shared = checkViewWrite(access, { departmentId: 1, shared: true });
    expect(shared).toMatchObject({ ok: false, violations: [{ rule: 'R-PERM-5' }] });
    expect(checkViewWrite(access, { departmentId: 2, shared: true }).ok).toBe(true);
    expect(checkViewWrite(access, { departmentId: 9, shared: false }).ok).toBe(false);
  });
  it('standard kinds and the all-departments view are system views', () => {
    expect(isSystemView({ kind: 'shared_open', departmentId: 1 })).toBe(true);
    expect(isSystemView({ kind: 'normal', departmentId: null })).toBe(true);
    expect(isSystemView({ kind: 'normal', departmentId: 1 })).toBe(false);
  });
});
