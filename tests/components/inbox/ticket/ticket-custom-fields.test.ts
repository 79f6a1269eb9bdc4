import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TicketPanel from '../../../../components/inbox/ticket/TicketPanel.vue';
import type { CustomFieldDefinition } from '../../../../core/schemas/custom-field';
import type { Ticket } from '../../../../core/schemas/ticket';
import { fakeBackground, Refusal, type Answers } from '../../fake-background';
import { conversation, inboxPage, summary } from '../inbox-fixture';
import { buttonNamed, reasonOf } from './work-buttons';
import { contactOf, ticketOf } from './work-fixture';

const mounted: { unmount(): void }[] = [];
afterEach(() => mounted.splice(0).forEach((w) => w.unmount()));

const field = (over: Partial<CustomFieldDefinition>): CustomFieldDefinition => ({
  id: 1,
  departmentId: 1,
  key: 'k',
  name: 'K',
  type: 'text',
  options: [],
  required: false,
  ...over,
});
const FIELDS = [
  field({ id: 1, key: 'orderNumber', name: 'Order number', type: 'text', required: true }),
  field({ id: 2, key: 'amount', name: 'Amount', type: 'number' }),
  field({ id: 3, key: 'renewal', name: 'Renewal date', type: 'date' }),
  field({ id: 4, key: 'plan', name: 'Plan', type: 'choice', options: ['Basic', 'Pro'] }),
];

/** The panel on ticket #1260 of department 1, whose fields are FIELDS. */
function panel(ticket: Ticket, answers: Answers = {}) {
  const { pinia, page } = inboxPage({});
  page.conversation = conversation('alice@customer.test');
  const received = fakeBackground({
    'tickets.byThreads': () => ({ tickets: { '18be3dcdd8224f79': summary(ticket.id) } }),
    'tickets.get': () => ticket,
    'tickets.inTrash': () => null,
    'contacts.get': ({ id }) => contactOf({ id }),
    'tickets.timeline': () => ({ threads: [], comments: [] }),
    'customFields.list': () => ({ items: FIELDS }),
    'tickets.ofContact': () => ({ items: [] }),
    ...answers,
  });
  const wrapper = mount(TicketPanel, { global: { plugins: [pinia] }, attachTo: document.body });
  mounted.push(wrapper);
  return { wrapper, received };
}

const group = (wrapper: ReturnType<typeof panel>['wrapper']) => wrapper.get('fieldset.custom-fields');
const control = (wrapper: ReturnType<typeof panel>['wrapper'], name: string) => {
  const label = group(wrapper)
    .findAll('label')
    .find((l) => l.text().startsWith(name));
  if (!label) throw new Error(`no field ${name}`);
  return label.get('input, select');
};
const updates = (received: { type: string; payload: unknown }[]) => received.filter((m) => m.type === 'tickets.update').map((m) => m.payload);

describe("TicketPanel: the custom fields of the ticket's department (issue 23, item 2)", () => {
  it("asks for the definitions of the ticket's department and shows each value with a control fitting its type", async () => {
    const { wrapper, received } = panel(ticketOf({ customFields: { orderNumber: 'DM-200037', amount: 12.5, plan: 'Pro' } }));
    await flushPromises();
    expect(received.filter((m) => m.type === 'customFields.list').map((m) => m.payload)).toEqual([{ departmentId: 1 }]);
    expect((control(wrapper, 'Order number').element as HTMLInputElement).value).toBe('DM-200037');
    expect(control(wrapper, 'Order number').attributes('type')).toBe('text');
    expect((control(wrapper, 'Amount').element as HTMLInputElement).value).toBe('12.5');
    expect(control(wrapper, 'Amount').attributes('inputmode')).toBe('decimal');
    expect(control(wrapper, 'Renewal date').attributes('type')).toBe('date');
    expect((control(wrapper, 'Renewal date').element as HTMLInputElement).value).toBe('');
    const plan = control(wrapper, 'Plan');
    expect(plan.element.tagName).toBe('SELECT');
    expect(plan.findAll('option').map((o) => o.text())).toEqual(['No value', 'Basic', 'Pro']);
    expect((plan.element as HTMLSelectElement).value).toBe('Pro');
    // Only the required field says so.
    expect(
      group(wrapper)
        .findAll('.required')
        .map((r) => r.text()),
    ).toEqual(['required to close']);
    expect(group(wrapper).findAll('label')[0]!.text()).toContain('required to close');
  });

  it('nothing changed is nothing to save; edited values are sent as the whole map, typed, through tickets.update', async () => {
    const saved = ticketOf({ version: 4, customFields: { orderNumber: 'DM-1', amount: 3, plan: 'Basic', renewal: '2027-01-31' } });
    const { wrapper, received } = panel(ticketOf({ customFields: { orderNumber: 'DM-1', legacy: 'kept' } }), {
      'tickets.update': () => ({ outboxId: 'o1', ticket: saved }),
    });
    await flushPromises();
    const save = buttonNamed(wrapper, 'Save fields');
    expect(reasonOf(wrapper, save)).toBe('Nothing to save; change a value first.');
    await save.trigger('click');
    expect(updates(received)).toEqual([]);

    await control(wrapper, 'Amount').setValue(' 3 ');
    await control(wrapper, 'Renewal date').setValue('2027-01-31');
    await control(wrapper, 'Plan').setValue('Basic');
    expect(reasonOf(wrapper, save)).toBeNull();
    await save.trigger('click');
    await flushPromises();
    expect(updates(received)).toEqual([
      { id: 60, version: 3, changes: { customFields: { orderNumber: 'DM-1', legacy: 'kept', amount: 3, renewal: '2027-01-31', plan: 'Basic' } } },
    ]);
    // The saved version is shown, and is again nothing to save.
    expect((control(wrapper, 'Amount').element as HTMLInputElement).value).toBe('3');
    expect(reasonOf(wrapper, buttonNamed(wrapper, 'Save fields'))).toBe('Nothing to save; change a value first.');
  });

  it('a number field refuses text with the field named, and emptying a field sends null', async () => {
    const { wrapper, received } = panel(ticketOf({ customFields: { orderNumber: 'DM-1', amount: 3 } }), {
      'tickets.update': ({ changes }) => ({ outboxId: 'o1', ticket: ticketOf({ version: 4, customFields: changes.customFields! }) }),
    });
    await flushPromises();
    await control(wrapper, 'Amount').setValue('three');
    expect(reasonOf(wrapper, buttonNamed(wrapper, 'Save fields'))).toBe('"Amount" takes a number.');
    await control(wrapper, 'Amount').setValue('');
    await buttonNamed(wrapper, 'Save fields').trigger('click');
    await flushPromises();
    expect(updates(received)).toEqual([{ id: 60, version: 3, changes: { customFields: { orderNumber: 'DM-1', amount: null } } }]);
  });

  it("closing with a required field empty names the field and sends nothing; the backend's refusal is shown as it says it", async () => {
    const { wrapper, received } = panel(ticketOf({ customFields: {} }), {
      'tickets.update': () => {
        throw new Refusal({ code: 'VALIDATION', message: 'Ticket #1260 cannot be closed while "Order number" is empty; fill it in first.' });
      },
    });
    await flushPromises();
    // The status picker is drawn again after a refusal: look it up each time.
    const status = () => wrapper.findAll('select').find((s) => s.findAll('option').some((o) => o.attributes('value') === 'closed'))!;
    await status().setValue('closed');
    await flushPromises();
    expect(updates(received)).toEqual([]);
    expect(wrapper.get('section.panel > .notice.error').text()).toBe('Ticket #1260 cannot be closed while "Order number" is empty; fill it in first.');
    expect((status().element as HTMLSelectElement).value).toBe('open');

    // Any other status goes to the backend; its refusal reaches the agent word for word.
    await status().setValue('on_hold');
    await flushPromises();
    expect(updates(received)).toEqual([{ id: 60, version: 3, changes: { status: 'on_hold' } }]);
    expect(wrapper.get('section.panel > .notice.error').text()).toContain('"Order number" is empty');
  });
});
