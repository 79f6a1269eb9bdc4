import { describe, expect, it } from 'vitest';
import { massBlockedReason, massJobFor, modeOf, type ViewSelection } from '../../../components/shared/mass-actions';
import type { AgentAccess } from '../../../core/rules/permissions';
import type { View } from '../../../core/schemas/view';
import { useLocale } from '../setup';

const lead: AgentAccess = {
  agentId: 1,
  departments: [
    { departmentId: 1, departmentName: 'Support', permissions: ['ticket.view', 'ticket.edit', 'ticket.delete', 'ticket.move', 'ticket.mass_action'] },
    { departmentId: 2, departmentName: 'Billing', permissions: ['ticket.view', 'ticket.edit', 'ticket.delete'] },
  ],
};
const view = (over: Partial<View> = {}): View => ({
  id: 7,
  name: 'Outage',
  kind: 'normal',
  departmentId: 1,
  ownerAgentId: null,
  filter: {},
  lastUsedAt: '2026-12-01T00:00:00.000Z',
  ...over,
});
const selection = (total: number, over: Partial<View> = {}): ViewSelection => ({ view: view(over), total });

describe('what "all tickets in this view" offers', () => {
  it('a view of more than 50 tickets runs as a mass job; up to 50 as a bulk job (R-BULK-1)', () => {
    expect(modeOf(selection(51))).toBe('mass');
    expect(modeOf(selection(50))).toBe('bulk');
  });

  it('R-BULK-2 offers the mass column and refuses the rest with the rule', () => {
    expect(massBlockedReason('assign', selection(3000), lead)).toBeNull();
    expect(massBlockedReason('move', selection(3000), lead)).toBeNull();
    expect(massBlockedReason('close', selection(3000), lead)).toMatch(/^Close cannot run as a mass action/);
    // R-BULK-1: "all tickets" of a small view is a bulk selection; the reason says so instead of "use a view".
    expect(massBlockedReason('move', selection(44), lead)).toBe(
      '“Move” runs only as a mass action, on a view of more than 50 tickets. This view holds 44 tickets, so selecting all of them is a bulk action (R-BULK-1), and “Move” is not one of the bulk actions.',
    );
    expect(massBlockedReason('move', selection(44), lead)).not.toMatch(/use a mass action over a view/);
    useLocale('ja');
    expect(massBlockedReason('move', selection(44), lead)).toBe(
      '「移動する」は大量一括処理(50件を超えるビュー)でのみ実行できます。このビューの問い合わせは44件なので、すべて選択すると一括処理になり(R-BULK-1)、一括処理では「移動する」を実行できません。',
    );
  });

  it("R-PERM-5 a mass job needs ticket.mass_action in the view's department", () => {
    expect(massBlockedReason('delete', selection(3000, { departmentId: 2 }), lead)).toMatch(/ticket\.mass_action/);
    expect(massBlockedReason('delete', selection(30, { departmentId: 2 }), lead)).toBeNull();
  });

  it('the all-departments view checks every visible department and refuses assign (R-BULK-2)', () => {
    const all = selection(3000, { departmentId: null, kind: 'all_departments' });
    expect(massBlockedReason('assign', all, lead)).toMatch(/^Assign is not available in the all-departments view/);
    expect(massBlockedReason('update_resolution', all, lead)).toMatch(/Billing/);
    expect(massJobFor('update_resolution', all, { text: 'x' })).toEqual({ operation: 'update_resolution', payload: { text: 'x' }, viewId: 7, departmentId: 'all' });
  });
});
