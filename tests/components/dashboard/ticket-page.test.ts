import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import App from '../../../entrypoints/ticket/App.vue';
import { fakeBackground, type Answers } from '../fake-background';
import { DIRECTORY, SUPPORT, ticket } from '../dashboard-fixture';
import { connectionStatus, withPinia } from '../session-fixture';
import { useLocale } from '../setup';

const CHAT = ticket({ id: 42, number: 1042, subject: 'Chat about shipping', channel: 'chat', departmentId: SUPPORT, assigneeAgentId: 7, status: 'escalated' });
const TIMELINE = {
  threads: [],
  comments: [{ id: 1, ticketId: 42, authorAgentId: 7, visibility: 'private' as const, body: 'Called the carrier.', createdAt: '2026-12-01T04:00:00Z', editedAt: null }],
};

async function openPage(search: string, answers: Answers = {}) {
  window.history.replaceState({}, '', `/ticket.html${search}`);
  fakeBrowser.reset();
  const received = fakeBackground({
    'connection.status': () => connectionStatus([{ id: SUPPORT, name: 'Support', permissions: ['ticket.view'] }]),
    'directory.get': () => DIRECTORY,
    'tickets.get': ({ id }) => (id === 42 ? CHAT : null),
    'tickets.timeline': () => TIMELINE,
    ...answers,
  });
  const wrapper = mount(App, withPinia());
  await flushPromises();
  return { wrapper, received };
}

beforeEach(() => useLocale('en'));

describe('ticket page (tickets from other channels)', () => {
  it('shows the ticket named by ?id= with its summary and timeline', async () => {
    const { wrapper, received } = await openPage('?id=42');
    expect(wrapper.get('h1').text()).toBe('#1042 Chat about shipping');
    expect(wrapper.get('[data-testid="ticket-status"]').text()).toBe('Escalated');
    expect(wrapper.get('[data-testid="ticket-channel"]').text()).toBe('Chat');
    expect(wrapper.get('[data-testid="ticket-department"]').text()).toBe('Support');
    expect(wrapper.get('[data-testid="ticket-assignee"]').text()).toBe('Kim Agent');
    expect(received.find((m) => m.type === 'tickets.timeline')?.payload).toEqual({ id: 42 });
    expect(wrapper.get('details.ticket-timeline').attributes('open')).toBeDefined();
    expect(wrapper.text()).toContain('Called the carrier.');
    expect(document.title).toBe('#1042 Chat about shipping');
  });

  it('says so for an unknown or missing id', async () => {
    for (const search of ['?id=7', '?id=abc', '']) {
      const { wrapper } = await openPage(search);
      expect(wrapper.get('[role="alert"]').text()).toBe('This ticket was not found, or you may not see it.');
    }
  });

  it('speaks Japanese', async () => {
    useLocale('ja');
    const { wrapper } = await openPage('?id=42');
    expect(wrapper.get('[data-testid="ticket-status"]').text()).toBe('エスカレーション');
    expect(wrapper.get('dt').text()).toBe('ステータス');
  });
});
