import { flushPromises, mount } from '@vue/test-utils';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DashboardView } from '../../../core/schemas/dashboard';
import App from '../../../entrypoints/popup/App.vue';
import { fakeBackground, Refusal, type Answers } from '../fake-background';
import { DIRECTORY, sampleTickets, SALES, SUPPORT, ticket, viewOf } from '../dashboard-fixture';
import { connectionStatus, withPinia } from '../session-fixture';
import { useLocale } from '../setup';
import { timeText } from '../../../components/shared/date-text';

const STATUS = connectionStatus([
  { id: SUPPORT, name: 'Support', permissions: ['ticket.view'] },
  { id: SALES, name: 'Sales', permissions: ['ticket.view'] },
]);

function background(answers: Answers) {
  fakeBrowser.reset();
  return fakeBackground({ 'connection.status': () => STATUS, 'directory.get': () => DIRECTORY, ...answers });
}

async function mountPopup(answers: Answers) {
  const received = background(answers);
  const wrapper = mount(App, { ...withPinia(), attachTo: document.body });
  await flushPromises();
  return { wrapper, received };
}

/** A table's rows as [name, count] pairs. */
const rowsOf = (wrapper: ReturnType<typeof mount>, testId: string) =>
  wrapper
    .get(`[data-testid="${testId}"]`)
    .findAll('tbody tr')
    .map((tr) => [tr.get('th').text(), tr.get('td').text()]);

/** Tab components are imported on first use: give the module loader time. */
const LOADED = { timeout: 10_000 };

// The popup loads its messaging (and zod) after the first paint: load it once here, so flushPromises sees its answers.
beforeAll(() => import('../../../entrypoints/popup/ask-dashboard'));
beforeEach(() => vi.restoreAllMocks());

describe('popup dashboard', () => {
  it('paints the stored snapshot first, then the refreshed numbers', async () => {
    const snapshot = viewOf(sampleTickets());
    const refreshed = viewOf([...sampleTickets(), ticket({ subject: 'New one' })], { computedAt: '2026-12-02T06:05:00Z' });
    let finishRefresh: (view: DashboardView) => void = () => undefined;
    const { wrapper, received } = await mountPopup({
      'dashboard.get': ({ refresh }) => (refresh ? new Promise<DashboardView>((resolve) => (finishRefresh = resolve)) : snapshot),
    });
    const asks = received.filter((m) => m.type === 'dashboard.get').map((m) => m.payload);
    expect(asks).toEqual([{ refresh: false }, { refresh: true }]);
    expect(wrapper.find('[data-testid="dashboard-ready"]').exists()).toBe(true);
    expect(wrapper.get('h2#dashboard-open-heading').text()).toBe('Open tickets: 5');
    expect(wrapper.get('[data-testid="dashboard-refresh"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[role="status"]').text()).toBe('Refreshing…');

    finishRefresh(refreshed);
    await flushPromises();
    expect(wrapper.get('h2#dashboard-open-heading').text()).toBe('Open tickets: 6');
    // The time as the one date helper writes it in the browser's zone (its format is tested in date-text.test.ts).
    const time = timeText('2026-12-02T06:05:00Z');
    expect(wrapper.get('[role="status"]').text()).toBe(`Updated ${time}`);
    wrapper.unmount();
  });

  it('paints the snapshot main.ts read from IndexedDB, and asks the background only to refresh', async () => {
    const received = background({ 'dashboard.get': () => viewOf(sampleTickets(), { connected: false }) });
    const { stats, names, computedAt, ticketCount } = viewOf(sampleTickets());
    // As stored: with the worker's own bookkeeping beside what the popup shows.
    const stored = Promise.resolve({ stats, names, computedAt, ticketCount, mark: 'm1', day: '2026-12-02' });
    const wrapper = mount(App, { props: { stored }, ...withPinia() });
    await flushPromises();
    expect(wrapper.get('h2#dashboard-open-heading').text()).toBe('Open tickets: 5');
    expect(received.map((m) => [m.type, m.payload])).toEqual([['dashboard.get', { refresh: true }]]);
    expect(wrapper.text()).toContain('Not connected to the backend');
    wrapper.unmount();
  });

  it('asks the background when nothing is stored yet', async () => {
    for (const stored of [Promise.resolve(undefined), undefined]) {
      const received = background({ 'dashboard.get': () => viewOf(sampleTickets()) });
      const wrapper = mount(App, { props: { stored }, ...withPinia() });
      await flushPromises();
      expect(received.map((m) => m.payload)).toEqual([{ refresh: false }, { refresh: true }]);
      expect(wrapper.get('h2#dashboard-open-heading').text()).toBe('Open tickets: 5');
      wrapper.unmount();
    }
  });

  it('refreshes again when the Refresh button is pressed', async () => {
    const { wrapper, received } = await mountPopup({ 'dashboard.get': () => viewOf(sampleTickets()) });
    await wrapper.get('[data-testid="dashboard-refresh"]').trigger('click');
    await flushPromises();
    expect(received.filter((m) => m.type === 'dashboard.get').map((m) => m.payload)).toEqual([{ refresh: false }, { refresh: true }, { refresh: true }]);
    wrapper.unmount();
  });

  it('counts open tickets by status, department and assignee, with names from the directory', async () => {
    const { wrapper } = await mountPopup({ 'dashboard.get': () => viewOf(sampleTickets()) });
    expect(rowsOf(wrapper, 'counts-status')).toEqual([
      ['Open', '2'],
      ['On hold', '1'],
      ['Waiting on customer', '1'],
      ['Escalated', '1'],
    ]);
    expect(rowsOf(wrapper, 'counts-department')).toEqual([
      ['Support', '3'],
      ['Sales', '2'],
    ]);
    expect(rowsOf(wrapper, 'counts-assignee')).toEqual([
      ['Kim Agent', '2'],
      ['Billing team (team)', '1'],
      ['Unassigned', '2'],
    ]);
    expect(wrapper.get('[data-testid="counts-status"] caption').text()).toBe('By status');
    wrapper.unmount();
  });

  it('lists unassigned and oldest-waiting tickets, oldest first', async () => {
    const { wrapper } = await mountPopup({ 'dashboard.get': () => viewOf(sampleTickets()) });
    const subjects = (id: string) =>
      wrapper
        .get(`[data-testid="${id}"]`)
        .findAll('.subject')
        .map((s) => s.text());
    expect(subjects('dashboard-unassigned')).toEqual(['#1001 Login fails', '#1002 Invoice copy']);
    expect(subjects('dashboard-waiting')).toEqual(['#1001 Login fails', '#1002 Invoice copy', '#1003 Chat about shipping']);
    expect(wrapper.get('[data-testid="dashboard-waiting"]').text()).toContain('waiting 12 d');
    expect(wrapper.get('[data-testid="dashboard-waiting"]').text()).toContain('Kim Agent');
    wrapper.unmount();
  });

  it('opens a ticket’s Gmail conversation in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const { wrapper } = await mountPopup({ 'dashboard.get': () => viewOf(sampleTickets()) });
    await wrapper.get('[data-testid="dashboard-unassigned"] button').trigger('click');
    expect(create).toHaveBeenCalledWith({ url: 'https://mail.google.com/mail/u/support@acme.test/#all/18be3dcdd8224f79' });
    wrapper.unmount();
  });

  it('shows the numbers without a backend, and says so', async () => {
    const { wrapper } = await mountPopup({ 'dashboard.get': () => viewOf([], { connected: false, names: { departments: {}, agents: {}, teams: {} } }) });
    expect(wrapper.get('h2#dashboard-open-heading').text()).toBe('Open tickets: 0');
    expect(wrapper.text()).toContain('Not connected to the backend');
    expect(wrapper.text()).toContain('Every open ticket has an assignee.');
    wrapper.unmount();
  });

  it('says why the sync failed, and why the dashboard could not be read', async () => {
    const { wrapper } = await mountPopup({ 'dashboard.get': () => viewOf(sampleTickets(), { syncError: 'Backend unreachable' }) });
    expect(wrapper.get('[role="alert"]').text()).toContain('Backend unreachable');
    wrapper.unmount();
    const refused = await mountPopup({
      'dashboard.get': () => {
        throw new Refusal({ code: 'INTERNAL', message: 'IndexedDB is closed' });
      },
    });
    expect(refused.wrapper.get('[role="alert"]').text()).toBe('IndexedDB is closed');
    refused.wrapper.unmount();
  });

  it('keeps jobs, deliveries, mass actions and the trash one tab away', async () => {
    const { wrapper, received } = await mountPopup({
      'dashboard.get': () => viewOf(sampleTickets()),
      'jobs.list': () => ({ items: [], nextCursor: null }),
      'mail.stored': () => ({ items: [] }),
      'views.list': () => ({ items: [] }),
      'trash.list': () => ({ items: [] }),
    });
    const tabs = wrapper.get('[role="tablist"]').findAll('[role="tab"]');
    expect(tabs.map((t) => t.text())).toEqual(['Overview', 'Jobs', 'Deliveries', 'Mass actions', 'Trash']);
    await tabs[0]!.trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(wrapper.get('#tab-jobs').attributes('aria-selected')).toBe('true');
    expect(wrapper.get('[role="tabpanel"]').attributes('aria-labelledby')).toBe('tab-jobs');
    // Their components load when their tab first opens.
    await vi.waitFor(() => expect(received.some((m) => m.type === 'jobs.list')).toBe(true), LOADED);
    await wrapper.get('#tab-deliveries').trigger('click');
    await vi.waitFor(() => expect(received.some((m) => m.type === 'mail.stored')).toBe(true), LOADED);
    expect(received.filter((m) => m.type === 'jobs.list').at(-1)?.payload).toMatchObject({ operation: 'reply' });
    await wrapper.get('#tab-mass').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="mass-department"]').exists()).toBe(true), LOADED);
    await wrapper.get('#tab-trash').trigger('click');
    await vi.waitFor(() => expect(received.some((m) => m.type === 'trash.list')).toBe(true), LOADED);
    wrapper.unmount();
  });

  it('speaks Japanese on a Japanese browser', async () => {
    useLocale('ja');
    const { wrapper } = await mountPopup({ 'dashboard.get': () => viewOf(sampleTickets()) });
    expect(wrapper.get('h1').text()).toBe('チームダッシュボード');
    // The total of every status but 完了 must not read as 未完了, which is one of the statuses counted below it.
    expect(wrapper.get('h2#dashboard-open-heading').text()).toBe('ステータスが「完了」以外の問い合わせ: 5件');
    expect(wrapper.get('h2#dashboard-open-heading').text()).not.toMatch(/未完了|完了していない/);
    expect(rowsOf(wrapper, 'counts-status')[0]).toEqual(['未完了', '2']);
    expect(rowsOf(wrapper, 'counts-assignee').at(-1)).toEqual(['担当者なし', '2']);
    expect(wrapper.get('[data-testid="dashboard-waiting"]').text()).toContain('12日待ち');
    expect(wrapper.get('[data-testid="flow-table"] caption').text()).toBe('過去14日間に作成・完了した問い合わせの日別件数');
    wrapper.unmount();
  });
});
