import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { namer } from '../../../components/dashboard/dashboard-names';
import DashboardTicketList from '../../../components/dashboard/DashboardTicketList.vue';
import type { WaitingTicket } from '../../../core/schemas/dashboard';
import { GMAIL_THREAD, OUTLOOK_THREAD, sampleTickets, viewOf } from '../dashboard-fixture';
import { fakeBackground } from '../fake-background';
import { useLocale } from '../setup';
import { flushPromises } from '@vue/test-utils';

const view = viewOf(sampleTickets());
const waiting = view.stats.oldestWaiting;
const props = { id: 'waiting', list: 'oldestWaiting' as const, title: 'Oldest waiting', empty: 'Nothing', total: 7, items: waiting.items, names: namer(view.names) };

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('DashboardTicketList', () => {
  it('opens each ticket where it lives: Gmail, Outlook, or the ticket page for other channels', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const wrapper = mount(DashboardTicketList, { props });
    const buttons = wrapper.findAll('button.ticket');
    expect(buttons).toHaveLength(3);
    for (const button of buttons) await button.trigger('click');
    expect(create.mock.calls.map(([arg]) => arg)).toEqual([
      { url: `https://mail.google.com/mail/u/${GMAIL_THREAD.mailbox}/#all/${GMAIL_THREAD.threadId}` },
      { url: `https://outlook.office.com/mail/deeplink/readconv/${encodeURIComponent(OUTLOOK_THREAD.threadId)}` },
      { url: 'chrome-extension://test-extension-id/ticket.html?id=3' },
    ]);
  });

  it('is a list of buttons that say they open a new tab, and how many more there are', () => {
    const wrapper = mount(DashboardTicketList, { props });
    const button = wrapper.get('button.ticket');
    expect(button.attributes('type')).toBe('button');
    expect(wrapper.get(`#${button.attributes('aria-describedby')}`).text()).toBe('Opens in a new tab');
    expect(wrapper.get('h2').text()).toBe('Oldest waiting (7)');
    expect(wrapper.text()).toContain('Showing 3 of 7.');
  });

  it('shows ages in minutes, hours or days, and the channel when it is not e-mail', () => {
    const base = waiting.items[2]!;
    const aged = (ageMs: number): WaitingTicket => ({ ...base, ageMs });
    const wrapper = mount(DashboardTicketList, { props: { ...props, items: [aged(59 * 60_000), { ...aged(5 * 3600_000), id: 9 }, { ...aged(3 * 86_400_000), id: 10 }] } });
    expect(wrapper.findAll('.meta').map((m) => m.text().split(' · ').at(-1))).toEqual(['waiting 59 min', 'waiting 5 h', 'waiting 3 d']);
    expect(wrapper.get('.meta').text()).toContain('Chat');
  });

  it('pages past the first tickets: "Show more" asks the background for the next ones and shows them', async () => {
    const more = Array.from({ length: 7 }, (_, i) => ({ ...waiting.items[0]!, id: 100 + i, number: 2100 + i }));
    const received = fakeBackground({ 'dashboard.list': ({ limit }) => ({ total: 7, items: more.slice(0, limit) }) });
    const wrapper = mount(DashboardTicketList, { props });
    expect(wrapper.findAll('button.ticket')).toHaveLength(3);
    await wrapper.get('button.more').trigger('click');
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.findAll('button.ticket')).toHaveLength(7));
    expect(received.map((m) => m.payload)).toEqual([{ list: 'oldestWaiting', limit: 13 }]);
    expect(wrapper.get('button.ticket').text()).toContain('#2100');
    expect(wrapper.find('button.more').exists()).toBe(false);
  });

  it('says so when the list is empty', () => {
    const wrapper = mount(DashboardTicketList, { props: { ...props, total: 0, items: [] } });
    expect(wrapper.text()).toContain('Nothing');
    expect(wrapper.find('ol').exists()).toBe(false);
  });

  it('speaks Japanese', () => {
    useLocale('ja');
    const wrapper = mount(DashboardTicketList, { props });
    expect(wrapper.get('.meta').text()).toContain('未完了');
    expect(wrapper.text()).toContain('7件中3件を表示しています。');
  });
});
