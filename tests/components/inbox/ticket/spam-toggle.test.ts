import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import SpamToggle from '../../../../components/inbox/ticket/SpamToggle.vue';
import type { Contact } from '../../../../core/schemas/contact';
import type { Ticket } from '../../../../core/schemas/ticket';
import { fakeBackground } from '../../fake-background';
import { connectionStatus } from '../../session-fixture';
import { inboxPage } from '../inbox-fixture';
import { buttonNamed, reasonOf } from './work-buttons';
import { contactOf, ticketOf } from './work-fixture';

/** Issue 22, item 5: R-BULK-12 both ways, for this ticket and for its sender. */
function toggle(ticket: Ticket, contact: Contact, options: { canEdit?: boolean } = {}) {
  const { pinia, session } = inboxPage({});
  if (options.canEdit === false) session.status = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view'] }]);
  const received = fakeBackground({ 'contacts.update': ({ id, changes }) => contactOf({ id, spam: changes.spam! }) });
  const wrapper = mount(SpamToggle, { props: { ticket, contact, busy: false }, global: { plugins: [pinia] } });
  return { wrapper, received };
}

describe('the panel: Mark as spam / Not spam', () => {
  it('Mark as spam asks the panel to mark this ticket; once marked it reads Not spam and says where the ticket went', async () => {
    const { wrapper } = toggle(ticketOf(), contactOf());
    await buttonNamed(wrapper, 'Mark as spam').trigger('click');
    expect(wrapper.emitted('update')).toEqual([[{ spam: true }]]);
    await wrapper.setProps({ ticket: ticketOf({ spam: true, version: 4 }) });
    expect(wrapper.text()).toContain('This ticket is marked as spam (it is in the Spam view).');
    expect(wrapper.get('[role=status]').text()).toBe('Marked as spam; the ticket is in the Spam view.');
    await buttonNamed(wrapper, 'Not spam').trigger('click');
    expect(wrapper.emitted('update')![1]).toEqual([{ spam: false }]);
    await wrapper.setProps({ ticket: ticketOf({ spam: false, version: 5 }) });
    expect(wrapper.get('[role=status]').text()).toBe('Not spam any more; the ticket is back in its views.');
  });

  it("marks the sender spam, saying what becomes of the sender's existing and later tickets, and takes it back", async () => {
    const { wrapper, received } = toggle(ticketOf(), contactOf());
    expect(wrapper.text()).toContain("Every later ticket from alice@customer.test arrives as spam. The sender's existing tickets stay where they are.");
    await buttonNamed(wrapper, 'Mark sender as spam').trigger('click');
    await flushPromises();
    expect(received.filter((m) => m.type === 'contacts.update').map((m) => m.payload)).toEqual([{ id: 7, changes: { spam: true } }]);
    expect(wrapper.get('[role=status]').text()).toBe('Sender marked as spam; later tickets from alice@customer.test arrive as spam.');
    const marked = wrapper.emitted('contact')![0]![0] as Contact;
    await wrapper.setProps({ contact: marked });
    expect(wrapper.text()).toContain('Tickets already marked as spam stay in the Spam view until you mark each one Not spam.');
    await buttonNamed(wrapper, 'Unmark sender as spam').trigger('click');
    await flushPromises();
    expect(received.filter((m) => m.type === 'contacts.update').at(-1)?.payload).toEqual({ id: 7, changes: { spam: false } });
    // The ticket's own mark is not the sender's: it is not touched.
    expect(wrapper.emitted('update')).toBeUndefined();
  });

  it('without ticket.edit every spam button says which permission it needs, and does nothing', async () => {
    const { wrapper, received } = toggle(ticketOf(), contactOf(), { canEdit: false });
    for (const name of ['Mark as spam', 'Mark sender as spam']) {
      const button = buttonNamed(wrapper, name);
      expect(reasonOf(wrapper, button)).toBe('Changing the spam mark needs the permission ticket.edit in this department.');
      await button.trigger('click');
    }
    await flushPromises();
    expect(wrapper.emitted('update')).toBeUndefined();
    expect(received).toEqual([]);
  });
});
