import { describe, expect, it } from 'vitest';
import { emptyViewFilterForm, fromViewFilter, hasConditionsBeyondForm, toViewFilter } from '../../../components/dashboard/view-filter-form';
import { ViewFilter } from '../../../core/schemas/view';

describe('the view form and the filter the backend compiles', () => {
  it('an empty form matches every ticket: no condition at all', () => {
    expect(toViewFilter(emptyViewFilterForm())).toEqual({});
  });

  it('"Priority high, unassigned" with tags typed as agents type them (commas, Japanese commas, repeats)', () => {
    const filter = toViewFilter({ ...emptyViewFilterForm(), priorities: ['high'], assignee: 'unassigned', tags: ' billing, refund、billing ,' });
    expect(filter).toEqual({ priorities: ['high'], unassigned: true, tags: ['billing', 'refund'] });
    expect(ViewFilter.parse(filter)).toEqual(filter);
  });

  it('days typed in the form cover whole days, and read back as the same days', () => {
    const form = { ...emptyViewFilterForm(), createdFrom: '2026-11-01', createdTo: '2026-11-30' };
    const filter = toViewFilter(form);
    expect(Date.parse(filter.createdAt!.to!) - Date.parse(filter.createdAt!.from!)).toBe(30 * 24 * 3600 * 1000 - 1);
    expect(fromViewFilter(filter)).toMatchObject({ createdFrom: '2026-11-01', createdTo: '2026-11-30' });
  });

  it('an agent or a team chosen without picking one adds no condition rather than a broken one', () => {
    expect(toViewFilter({ ...emptyViewFilterForm(), assignee: 'agent' })).toEqual({});
    expect(toViewFilter({ ...emptyViewFilterForm(), assignee: 'team', teamId: 4 })).toEqual({ assigneeTeamIds: [4] });
  });

  it('editing a view keeps the conditions the form does not show (custom fields, accounts, several assignees)', () => {
    const saved: ViewFilter = { priorities: ['low'], accounts: ['Acme'], customFields: { plan: ['gold'] }, assigneeAgentIds: [1, 2] };
    expect(hasConditionsBeyondForm(saved)).toBe(true);
    const form = fromViewFilter(saved);
    expect(form.assignee).toBe('kept');
    expect(toViewFilter({ ...form, priorities: ['urgent'] }, saved)).toEqual({
      priorities: ['urgent'],
      accounts: ['Acme'],
      customFields: { plan: ['gold'] },
      assigneeAgentIds: [1, 2],
    });
    // Choosing an assignee in the form replaces the kept ones.
    expect(toViewFilter({ ...form, assignee: 'me' }, saved)).toEqual({ priorities: ['low'], accounts: ['Acme'], customFields: { plan: ['gold'] }, assigneeMe: true });
  });

  it('a filter the form shows fully round-trips', () => {
    const filter: ViewFilter = { statuses: ['open', 'escalated'], channels: ['email'], assigneeMe: true, tags: ['vip'] };
    expect(hasConditionsBeyondForm(filter)).toBe(false);
    expect(toViewFilter(fromViewFilter(filter))).toEqual(filter);
  });
});
