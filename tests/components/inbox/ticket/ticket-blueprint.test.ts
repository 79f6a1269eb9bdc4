import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TicketPanel from '../../../../components/inbox/ticket/TicketPanel.vue';
import TicketStatusPicker from '../../../../components/inbox/ticket/TicketStatusPicker.vue';
import type { Blueprint } from '../../../../core/schemas/template';
import type { Ticket } from '../../../../core/schemas/ticket';
import { fakeBackground, type Answers } from '../../fake-background';
import { connectionStatus } from '../../session-fixture';
import { conversation, inboxPage, summary } from '../inbox-fixture';
import { buttonNamed, reasonOf } from './work-buttons';
import { contactOf, ticketOf } from './work-fixture';

/** Issue 22 item 6, R-BULK-15: the panel's Blueprint section and the status picker under a blueprint. */
const refund: Blueprint = {
  id: 5,
  departmentId: 1,
  name: 'Refund approval',
  transitions: [
    { from: 'open', to: 'escalated' },
    { from: 'escalated', to: 'closed' },
  ],
};
const vip: Blueprint = { id: 6, departmentId: 1, name: 'VIP', transitions: [{ from: 'on_hold', to: 'closed' }] };

const mounted: VueWrapper[] = [];
afterEach(() => mounted.splice(0).forEach((w) => w.unmount()));

function panel(ticket: Ticket, answers: Answers = {}, options: { canEdit?: boolean } = {}) {
  const { pinia, page, session } = inboxPage({});
  if (options.canEdit === false) session.status = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view'] }]);
  page.conversation = conversation('alice@customer.test');
  let current = ticket;
  const received = fakeBackground({
    'tickets.byThreads': () => ({ tickets: { '18be3dcdd8224f79': summary(ticket.id) } }),
    'tickets.get': () => current,
    'tickets.inTrash': () => null,
    'contacts.get': ({ id }) => contactOf({ id }),
    'tickets.timeline': () => ({ threads: [], comments: [] }),
    'blueprints.list': () => ({ items: [refund, vip] }),
    'tickets.update': ({ changes }) => {
      current = { ...current, ...changes, version: current.version + 1 };
      return { outboxId: 'o1', ticket: current };
    },
    ...answers,
  });
  const wrapper = mount(TicketPanel, { global: { plugins: [pinia] }, attachTo: document.body });
  mounted.push(wrapper);
  return { wrapper, received };
}

const section = (wrapper: VueWrapper) => wrapper.get('[role=group][aria-label="Blueprint"]');
const statusOptions = (wrapper: VueWrapper) =>
  wrapper
    .findAll('option')
    .filter((o) => ['open', 'on_hold', 'waiting_on_customer', 'escalated', 'closed'].includes(o.attributes('value') ?? ''))
    .map((o) => ({ value: o.attributes('value'), text: o.text(), disabled: o.attributes('disabled') !== undefined, title: o.attributes('title') ?? null }));

describe('TicketPanel: blueprints (R-BULK-15)', () => {
  it('under a blueprint only the allowed next statuses are enabled; the others say why, with the rule', async () => {
    const { wrapper, received } = panel(ticketOf({ blueprintId: 5 }));
    await flushPromises();
    expect(received.find((m) => m.type === 'blueprints.list')?.payload).toEqual({ departmentId: 1 });
    expect(section(wrapper).text()).toContain('Applied: "Refund approval"');
    const options = statusOptions(wrapper);
    expect(options.filter((o) => !o.disabled).map((o) => o.value)).toEqual(['open', 'escalated']);
    expect(options.find((o) => o.value === 'closed')).toEqual({
      value: 'closed',
      text: 'Closed (not allowed by the blueprint)',
      disabled: true,
      title: 'R-BULK-15: Blueprint "Refund approval" does not allow Open → Closed. Remove the blueprint to change the status freely.',
    });
    const select = wrapper.get('select[aria-describedby]');
    expect(wrapper.get(`#${select.attributes('aria-describedby')}`).text()).toBe('Blueprint "Refund approval": from here the ticket may go to Escalated.');
    expect(wrapper.get(`#${select.attributes('aria-describedby')}`).attributes('title')).toBe('R-BULK-15');
  });

  it('Remove blueprint frees the ticket: every status is enabled again and the picker offers to apply one', async () => {
    const { wrapper, received } = panel(ticketOf({ blueprintId: 5 }));
    await flushPromises();
    await buttonNamed(wrapper, 'Remove blueprint').trigger('click');
    await flushPromises();
    expect(received.filter((m) => m.type === 'tickets.update').map((m) => m.payload)).toEqual([{ id: 60, version: 3, changes: { blueprintId: null } }]);
    expect(statusOptions(wrapper).every((o) => !o.disabled && o.title === null)).toBe(true);
    expect(wrapper.find('select[aria-describedby]').exists()).toBe(false);
    expect(reasonOf(wrapper, buttonNamed(wrapper, 'Apply blueprint'))).toBeNull();
  });

  it("applies the chosen blueprint of the ticket's department, and the status picker follows it at once", async () => {
    const { wrapper, received } = panel(ticketOf());
    await flushPromises();
    const picker = section(wrapper).get('select');
    expect(picker.findAll('option').map((o) => o.text())).toEqual(['Refund approval', 'VIP']);
    await buttonNamed(wrapper, 'Apply blueprint').trigger('click');
    await flushPromises();
    expect(received.filter((m) => m.type === 'tickets.update').map((m) => m.payload)).toEqual([{ id: 60, version: 3, changes: { blueprintId: 5 } }]);
    expect(section(wrapper).text()).toContain('Applied: "Refund approval"');
    expect(statusOptions(wrapper).find((o) => o.value === 'on_hold')?.disabled).toBe(true);
  });

  it("a blueprint whose states do not include the ticket's status cannot be applied, and says what to do first", async () => {
    const { wrapper, received } = panel(ticketOf({ status: 'waiting_on_customer' }));
    await flushPromises();
    const apply = buttonNamed(wrapper, 'Apply blueprint');
    expect(reasonOf(wrapper, apply)).toBe(
      'R-BULK-15: Ticket #1260 is Waiting on customer, which is not a state of blueprint "Refund approval" (Open, Escalated, Closed). Change its status to one of those first, then apply the blueprint.',
    );
    await apply.trigger('click');
    await flushPromises();
    expect(received.some((m) => m.type === 'tickets.update')).toBe(false);
  });

  it.each([
    ['Apply blueprint', null],
    ['Remove blueprint', 5],
  ])('without ticket.edit, %s says which permission it needs and sends nothing', async (name, blueprintId) => {
    const { wrapper, received } = panel(ticketOf({ blueprintId }), {}, { canEdit: false });
    await flushPromises();
    const button = buttonNamed(wrapper, name);
    expect(reasonOf(wrapper, button)).toBe('Applying or removing a blueprint needs the permission ticket.edit in this department.');
    await button.trigger('click');
    await flushPromises();
    expect(received.some((m) => m.type === 'tickets.update')).toBe(false);
  });

  it('a department without blueprints says where they come from', async () => {
    const { wrapper } = panel(ticketOf(), { 'blueprints.list': () => ({ items: [] }) });
    await flushPromises();
    expect(section(wrapper).text()).toContain('This department has no blueprints; an admin adds them on the options page.');
    expect(section(wrapper).find('button').exists()).toBe(false);
  });
});

describe('TicketStatusPicker', () => {
  it('without a blueprint every status is enabled and a change is emitted as picked', async () => {
    const wrapper = mount(TicketStatusPicker, { props: { status: 'open', blueprint: null, busy: false } });
    expect(wrapper.findAll('option[disabled]')).toHaveLength(0);
    await wrapper.get('select').setValue('closed');
    expect(wrapper.emitted('change')).toEqual([['closed']]);
  });

  it('a status the blueprint cannot leave disables every other one and says how to get out', () => {
    const wrapper = mount(TicketStatusPicker, { props: { status: 'closed', blueprint: refund, busy: false } });
    expect(wrapper.findAll('option:not([disabled])').map((o) => o.attributes('value'))).toEqual(['closed']);
    expect(wrapper.get('.status-hint').text()).toBe('Blueprint "Refund approval": the ticket cannot leave Closed while it is applied; remove the blueprint to change the status.');
  });
});
