import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TicketPanel from '../../../../components/inbox/ticket/TicketPanel.vue';
import type { Ticket } from '../../../../core/schemas/ticket';
import { fakeBackground, type Answers } from '../../fake-background';
import { conversation, inboxPage, summary } from '../inbox-fixture';
import { buttonNamed, reasonOf } from './work-buttons';
import { contactOf, ticketOf } from './work-fixture';

const DAY = 24 * 3600_000;
const mounted: { unmount(): void }[] = [];
afterEach(() => mounted.splice(0).forEach((w) => w.unmount()));

/** The panel on the conversation of ticket #1260, live (in the index) or only in the trash. */
function panel(answers: Answers) {
  const { pinia, page } = inboxPage({});
  page.conversation = conversation('alice@customer.test');
  const received = fakeBackground({
    'tickets.byThreads': () => ({ tickets: {} }),
    'tickets.inTrash': () => null,
    'contacts.get': ({ id }) => contactOf({ id }),
    'tickets.timeline': () => ({ threads: [], comments: [] }),
    ...answers,
  });
  const wrapper = mount(TicketPanel, { global: { plugins: [pinia] }, attachTo: document.body });
  mounted.push(wrapper);
  return { wrapper, received };
}

const live = (ticket: Ticket): Answers => ({
  'tickets.byThreads': () => ({ tickets: { '18be3dcdd8224f79': summary(ticket.id) } }),
  'tickets.get': () => ticket,
});

describe('TicketPanel: the trash and the spam mark (issue 22, items 5 and 7)', () => {
  it('R-BULK-11 a conversation whose ticket is in the trash shows it with the days left and Restore, never Create ticket', async () => {
    const trashedAt = new Date(Date.now() - 12 * DAY).toISOString();
    const { wrapper, received } = panel({
      'tickets.inTrash': () => ticketOf({ trashedAt }),
      'trash.restore': ({ id }) => ticketOf({ id, trashedAt: null, version: 4 }),
    });
    await flushPromises();
    expect(received.find((m) => m.type === 'tickets.inTrash')?.payload).toEqual({ provider: 'gmail', mailbox: 'support@acme.test', threadId: '18be3dcdd8224f79' });
    expect(wrapper.text()).toContain('Ticket #1260 is in the trash: it is purged in 48 days');
    expect(wrapper.findAll('button').some((b) => b.text() === 'Create ticket')).toBe(false);
    const restore = buttonNamed(wrapper, 'Restore');
    expect(reasonOf(wrapper, restore)).toBeNull();
    await restore.trigger('click');
    expect(wrapper.get('.trash-notice [role=status]').text()).toBe('Restoring…');
    await flushPromises();
    expect(received.filter((m) => m.type === 'trash.restore').map((m) => m.payload)).toEqual([{ id: 60 }]);
    // The ticket is back: the notice says so, and Restore is gone.
    expect(wrapper.get('.trash-notice [role=status]').text()).toBe('Ticket #1260 was restored.');
    expect(wrapper.text()).not.toContain('is in the trash');
    expect(wrapper.findAll('button').some((b) => b.text() === 'Restore')).toBe(false);
  });

  it('Restore without ticket.delete says which permission it needs', async () => {
    const { wrapper } = panel({ 'tickets.inTrash': () => ticketOf({ departmentId: 2, trashedAt: new Date().toISOString() }) });
    await flushPromises();
    expect(reasonOf(wrapper, buttonNamed(wrapper, 'Restore'))).toBe('Restoring needs the permission ticket.delete in this department.');
  });

  it('R-BULK-12 Mark as spam saves the mark with the ticket version; the panel then offers Not spam', async () => {
    const { wrapper, received } = panel({
      ...live(ticketOf()),
      'tickets.update': ({ id, changes }) => ({ outboxId: 'o1', ticket: ticketOf({ id, spam: changes.spam!, version: 4 }) }),
    });
    await flushPromises();
    await buttonNamed(wrapper, 'Mark as spam').trigger('click');
    await flushPromises();
    expect(received.filter((m) => m.type === 'tickets.update').map((m) => m.payload)).toEqual([{ id: 60, version: 3, changes: { spam: true } }]);
    expect(wrapper.text()).toContain('Marked as spam; the ticket is in the Spam view.');
    expect(buttonNamed(wrapper, 'Not spam').exists()).toBe(true);
  });
});
