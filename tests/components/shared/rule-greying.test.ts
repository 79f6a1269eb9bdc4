import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import BulkBar from '../../../components/inbox/bulk/BulkBar.vue';
import JobProgress from '../../../components/shared/JobProgress.vue';
import MassActions from '../../../components/shared/MassActions.vue';
import type { Job } from '../../../core/schemas/job';
import type { View } from '../../../core/schemas/view';
import { fakeBackground } from '../fake-background';
import { connectionStatus } from '../session-fixture';
import { inboxPage, summary } from '../inbox/inbox-fixture';

type Wrapper = ReturnType<typeof mount>;
const button = (wrapper: Wrapper, name: string) => wrapper.findAll('button').find((b) => b.text() === name)!;
const reasonOf = (wrapper: Wrapper, name: string) => {
  const id = button(wrapper, name).attributes('aria-describedby');
  return id ? wrapper.get(`#${id}`).text() : null;
};

/** Issue 20: the UI greys what the API refuses, with the same rule text. */
describe('the bar greys a selection holding a spam ticket (R-BULK-4)', () => {
  function bar(tickets: ReturnType<typeof summary>[]) {
    const { pinia, page } = inboxPage();
    page.selectedTickets = tickets;
    page.selectedThreadIds = tickets.map((t) => `t${t.id}`);
    const received = fakeBackground({ 'views.list': () => ({ items: [] }), 'jobs.preview': () => ({ mode: 'bulk', total: 0, violations: [], tickets: [] }) });
    return { wrapper: mount(BulkBar, { global: { plugins: [pinia] } }), received };
  }

  it('Close is greyed naming the spam ticket by number, and pressing it asks the backend nothing', async () => {
    const { wrapper, received } = bar([summary(1), { ...summary(2), spam: true }]);
    await flushPromises();
    expect(reasonOf(wrapper, 'Close')).toMatch(/^#102 is marked spam, and no bulk or mass action runs on spam tickets/);
    await button(wrapper, 'Close').trigger('click');
    await flushPromises();
    expect(received.map((m) => m.type)).not.toContain('jobs.preview');
  });

  it('a merged-away ticket greys nothing: the job acts on its primary (R-MERGE-6)', async () => {
    const { wrapper } = bar([summary(1), { ...summary(2), mergedIntoId: 1, trashedAt: '2026-11-04T10:00:00.000Z' }]);
    await flushPromises();
    expect(reasonOf(wrapper, 'Close')).toBeNull();
  });
});

describe('the mass panel greys the R-BULK-2 back doors of "Update a field"', () => {
  const view: View = { id: 7, name: 'Outage', kind: 'normal', departmentId: 1, ownerAgentId: null, filter: {}, lastUsedAt: '2026-12-01T00:00:00.000Z' };

  async function panel(total: number) {
    const { pinia, session } = inboxPage();
    session.status = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view', 'ticket.edit', 'ticket.mass_action'] }]);
    const received = fakeBackground({ 'jobs.preview': () => ({ mode: 'mass', total, violations: [], tickets: [] }) });
    const wrapper = mount(MassActions, { props: { selection: { view, total } }, global: { plugins: [pinia] } });
    await flushPromises();
    await button(wrapper, 'Update a field').trigger('click');
    await flushPromises();
    return { wrapper, received };
  }
  const pick = async (wrapper: Wrapper, label: string, value: string) => {
    await wrapper.get(`select[aria-label="${label}"]`).setValue(value);
    await flushPromises();
  };

  it('status = closed on a view of 310 tickets is greyed with the rule the API answers, and is not sent', async () => {
    const { wrapper, received } = await panel(310);
    await pick(wrapper, 'Field', 'status');
    await pick(wrapper, 'Value', 'closed');
    expect(reasonOf(wrapper, 'Check before running')).toMatch(/^Setting the status to closed is closing the tickets: Close cannot run as a mass action/);
    await button(wrapper, 'Check before running').trigger('click');
    await flushPromises();
    expect(received.map((m) => m.type)).not.toContain('jobs.preview');

    await pick(wrapper, 'Value', 'on_hold');
    expect(reasonOf(wrapper, 'Check before running')).toBeNull();
  });

  it('on a view of 40 tickets (a bulk job) closing is allowed', async () => {
    const { wrapper } = await panel(40);
    await pick(wrapper, 'Field', 'status');
    await pick(wrapper, 'Value', 'closed');
    expect(reasonOf(wrapper, 'Check before running')).toBeNull();
  });
});

describe('progress says why a job has not started (R-BULK-6)', () => {
  const job = (over: Partial<Job>): Job => ({
    id: 31,
    operation: 'update_resolution',
    mode: 'mass',
    payload: {},
    departmentId: 1,
    viewId: 7,
    viewName: 'Outage',
    initiatorId: 1,
    status: 'queued',
    counts: { total: 310, done: 0, failed: 0 },
    failures: [],
    delivery: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...over,
  });
  const progress = (j: Job, finished = false) => mount(JobProgress, { props: { job: j, finished, queuedOffline: false, error: null } });

  it("a job behind the agent's earlier one says it waits for it", () => {
    expect(progress(job({ waitingForJobId: 30 })).text()).toContain('Waiting for your earlier job (job 30) to finish: your jobs run one at a time, in order (R-BULK-6).');
    expect(progress(job({ waitingForJobId: null })).text()).not.toContain('Waiting for your earlier job');
  });

  it('a failure of a ticket purged since is not shown with a made-up number', () => {
    const text = progress(
      job({
        status: 'completed',
        counts: { total: 2, done: 0, failed: 2 },
        failures: [
          { ticketId: 5, ticketNumber: null, reason: 'The ticket was deleted meanwhile.' },
          { ticketId: 6, ticketNumber: 1260, reason: 'Server error' },
        ],
      }),
      true,
    ).text();
    expect(text).toContain('A ticket purged since: The ticket was deleted meanwhile.');
    expect(text).toContain('#1260: Server error');
    expect(text).not.toContain('#5');
  });
});
