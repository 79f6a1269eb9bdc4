import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import DashboardFlowChart from '../../../components/dashboard/DashboardFlowChart.vue';
import { ticket, viewOf } from '../dashboard-fixture';
import { useLocale } from '../setup';

// Created: 3 on 12/1, 1 on 11/19 (the first day); closed: 2 on 12/2 (today).
const flow = viewOf([
  ticket({ createdAt: '2026-12-01T01:00:00Z' }),
  ticket({ createdAt: '2026-12-01T02:00:00Z' }),
  ticket({ createdAt: '2026-12-01T03:00:00Z', status: 'closed', closedAt: '2026-12-02T01:00:00Z' }),
  ticket({ createdAt: '2026-11-19T00:00:00Z', status: 'closed', closedAt: '2026-12-02T02:00:00Z' }),
]).stats.flow;

describe('DashboardFlowChart', () => {
  it('draws 14 days of two bars, each with a title giving its numbers', () => {
    const wrapper = mount(DashboardFlowChart, { props: { flow } });
    const days = wrapper.findAll('svg g.day');
    expect(days).toHaveLength(14);
    expect(wrapper.findAll('svg rect')).toHaveLength(28);
    const dec1 = wrapper.get('g[data-day="2026-12-01"]');
    expect(dec1.get('rect.created').attributes('data-value')).toBe('3');
    expect(dec1.get('rect.closed').attributes('data-value')).toBe('0');
    expect(dec1.get('title').text()).toBe('12/1: 3 created, 0 closed');
    expect(wrapper.get('g[data-day="2026-12-02"] rect.closed').attributes('data-value')).toBe('2');
    // The tallest bar fills the plot; the others are to scale.
    expect(Number(dec1.get('rect.created').attributes('height'))).toBeGreaterThan(Number(wrapper.get('g[data-day="2026-12-02"] rect.closed').attributes('height')));
    expect(wrapper.get('svg').attributes('role')).toBe('img');
    expect(wrapper.get('svg title').text()).toBe('Tickets created and closed per day, last 14 days');
  });

  it('offers the same numbers as a table with headers', () => {
    const wrapper = mount(DashboardFlowChart, { props: { flow } });
    const table = wrapper.get('[data-testid="flow-table"]');
    expect(table.findAll('thead th').map((th) => [th.text(), th.attributes('scope')])).toEqual([
      ['Day', 'col'],
      ['Created', 'col'],
      ['Closed', 'col'],
    ]);
    const rows = table.findAll('tbody tr').map((tr) => [tr.get('th').text(), ...tr.findAll('td').map((td) => td.text())]);
    expect(rows).toHaveLength(14);
    expect(rows[0]).toEqual(['11/19', '1', '0']);
    expect(rows[12]).toEqual(['12/1', '3', '0']);
    expect(rows[13]).toEqual(['12/2', '0', '2']);
    expect(table.get('tbody th').attributes('scope')).toBe('row');
    expect(wrapper.get('details summary').text()).toBe('Show as a table');
  });

  it('draws flat bars, not a division by zero, for two empty weeks', () => {
    const wrapper = mount(DashboardFlowChart, { props: { flow: viewOf([]).stats.flow } });
    expect(wrapper.findAll('svg rect').every((r) => r.attributes('height') === '0')).toBe(true);
  });

  it('speaks Japanese', () => {
    useLocale('ja');
    const wrapper = mount(DashboardFlowChart, { props: { flow } });
    expect(wrapper.get('h2').text()).toBe('過去14日間の作成数と完了数');
    expect(wrapper.get('g[data-day="2026-12-01"] title').text()).toBe('12/1: 作成 3件、完了 0件');
  });
});
