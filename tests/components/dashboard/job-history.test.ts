import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import JobHistory from '../../../components/dashboard/JobHistory.vue';
import type { Job } from '../../../core/schemas/job';
import { fakeBackground } from '../fake-background';
import { connectionStatus, withPinia } from '../session-fixture';
import { useLocale } from '../setup';

const job = (id: number, over: Partial<Job>): Job => ({
  id,
  operation: 'close',
  mode: 'bulk',
  payload: {},
  departmentId: null,
  viewId: null,
  viewName: null,
  initiatorId: 1,
  status: 'completed',
  counts: { total: 10, done: 10, failed: 0 },
  failures: [],
  delivery: null,
  createdAt: '2026-12-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  ...over,
});

const JOBS = [
  job(1, { status: 'queued', operation: 'assign', counts: { total: 20, done: 0, failed: 0 } }),
  job(2, { status: 'running', operation: 'move', counts: { total: 40, done: 10, failed: 2 } }),
  job(3, { status: 'completed' }),
  job(4, { status: 'completed', operation: 'delete', counts: { total: 3, done: 2, failed: 1 }, failures: [{ ticketId: 9, ticketNumber: 1009, reason: 'R-PERM-5: no' }] }),
  job(5, { status: 'failed', operation: 'macro', counts: { total: 3, done: 0, failed: 3 } }),
];

async function mountHistory(props: { operation?: 'reply' } = {}, jobs = JOBS) {
  fakeBrowser.reset();
  const received = fakeBackground({
    'connection.status': () => connectionStatus([{ id: 10, permissions: ['ticket.view'] }]),
    'directory.get': () => ({ departments: [], agents: [], teams: [] }),
    'jobs.list': () => ({ items: jobs, nextCursor: null }),
  });
  const wrapper = mount(JobHistory, { props, ...withPinia(), attachTo: document.body });
  await flushPromises();
  return { wrapper, received };
}

const operations = (wrapper: Awaited<ReturnType<typeof mountHistory>>['wrapper']) => wrapper.findAll('li.job strong').map((s) => s.text());

describe('JobHistory (the popup job monitor)', () => {
  it('shows queued and running jobs first, the running one with its progress', async () => {
    const { wrapper } = await mountHistory();
    expect(operations(wrapper)).toEqual(['Assign', 'Move']);
    const progress = wrapper.get('progress');
    expect([progress.attributes('value'), progress.attributes('max'), progress.attributes('aria-label')]).toEqual(['12', '40', 'Move progress']);
    expect(wrapper.findAll('progress')).toHaveLength(1);
    wrapper.unmount();
  });

  it('filters by state: completed holds every finished job, failed what needs a look', async () => {
    const { wrapper } = await mountHistory();
    await wrapper.get('#tab-completed').trigger('click');
    expect(operations(wrapper)).toEqual(['Close', 'Delete', 'Run macro']);
    await wrapper.get('#tab-failed').trigger('click');
    expect(operations(wrapper)).toEqual(['Delete', 'Run macro']);
    expect(wrapper.text()).toContain('Ticket #1009: R-PERM-5: no');
    wrapper.unmount();
  });

  it('a bulk reply whose recipient waits for the mail queue is shown waiting to retry, not failed; one given up on is failed', async () => {
    const retrying = { ticketId: 7, address: 'later@customer.example', status: 'retrying' as const, response: 'Attempt 1 of 6 not delivered, tried again later: 451 try again' };
    const replies = [
      job(6, { operation: 'reply', delivery: { total: 2, counts: { sent: 1, retrying: 1 }, problems: [retrying] } }),
      job(7, {
        operation: 'reply',
        delivery: { total: 1, counts: { failed: 1 }, problems: [{ ...retrying, address: 'gone@customer.example', status: 'failed', response: '550 no' }] },
      }),
    ];
    const { wrapper } = await mountHistory({ operation: 'reply' }, replies);
    await wrapper.get('#tab-completed').trigger('click');
    expect(wrapper.text()).toContain('later@customer.example (waiting to retry): Attempt 1 of 6');
    await wrapper.get('#tab-failed').trigger('click');
    expect(wrapper.text()).toContain('gone@customer.example (failed): 550 no');
    expect(wrapper.text()).not.toContain('later@customer.example');
    wrapper.unmount();
  });

  it('as delivery history asks for bulk replies only and hides the operation filter', async () => {
    const { wrapper, received } = await mountHistory({ operation: 'reply' });
    expect(received.find((m) => m.type === 'jobs.list')?.payload).toMatchObject({ operation: 'reply' });
    expect(wrapper.findAll('label').map((l) => l.text())).not.toContain(expect.stringContaining('Operation'));
    wrapper.unmount();
  });

  it('speaks Japanese', async () => {
    useLocale('ja');
    const { wrapper } = await mountHistory();
    expect(wrapper.findAll('[role="tab"]').map((t) => t.text())).toEqual(['実行中', '完了', '失敗']);
    wrapper.unmount();
  });
});
