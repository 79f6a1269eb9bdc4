import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import BulkBar from '../../../components/inbox/bulk/BulkBar.vue';
import MassActions from '../../../components/shared/MassActions.vue';
import { fieldPick, updatableFields } from '../../../components/shared/field-update';
import type { CustomFieldDefinition } from '../../../core/schemas/custom-field';
import type { View } from '../../../core/schemas/view';
import { fakeBackground } from '../fake-background';
import { connectionStatus } from '../session-fixture';
import { inboxPage, summary } from '../inbox/inbox-fixture';

type Wrapper = ReturnType<typeof mount>;
const button = (wrapper: Wrapper, name: string) => wrapper.findAll('button').find((b) => b.text() === name)!;
const reasonOf = (wrapper: Wrapper, name: string) => {
  const b = button(wrapper, name);
  if (b.attributes('aria-disabled') !== 'true') return null;
  return wrapper.get(`#${b.attributes('aria-describedby')}`).text();
};
const labelled = (wrapper: Wrapper, label: string) => wrapper.get(`[aria-label="${label}"]`);

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
const WORDS = { pickField: 'field?', pickValue: 'value?' };
const DIRECTORY = {
  departments: [],
  agents: [{ id: 5, email: 'bo@acme.test', name: 'Bo Agent', active: true, departmentIds: [1] }],
  teams: [{ id: 9, name: 'Tier 2', departmentId: 1, memberIds: [5] }],
};
const jobPayloads = (received: { type: string; payload: unknown }[], type: string) => received.filter((m) => m.type === type).map((m) => m.payload);

describe('updatableFields and fieldPick: every field update_field accepts, and the payload it takes', () => {
  const fields = updatableFields(FIELDS, (f) => f.toUpperCase());

  it('offers the standard fields of core/rules/field-update.ts, then each custom field as custom.<key> with its type', () => {
    expect(fields.map((f) => [f.field, f.type])).toEqual([
      ['status', 'status'],
      ['priority', 'priority'],
      ['category', 'text'],
      ['product', 'text'],
      ['account', 'text'],
      ['custom.orderNumber', 'text'],
      ['custom.amount', 'number'],
      ['custom.renewal', 'date'],
      ['custom.plan', 'choice'],
    ]);
    expect(fields.find((f) => f.field === 'custom.plan')!.options).toEqual(['Basic', 'Pro']);
  });

  it('turns the typed text into the value the backend stores, and says what is missing or wrong', () => {
    expect(fieldPick(fields, null, '', WORDS)).toEqual({ payload: null, problem: 'field?' });
    expect(fieldPick(fields, 'custom.amount', '  ', WORDS)).toEqual({ payload: null, problem: 'value?' });
    expect(fieldPick(fields, 'custom.amount', '42.5', WORDS).payload).toEqual({ field: 'custom.amount', value: 42.5 });
    expect(fieldPick(fields, 'custom.amount', 'lots', WORDS).problem).toBe('"Amount" takes a number.');
    expect(fieldPick(fields, 'custom.renewal', '2027-02-30', WORDS).problem).toBe('"Renewal date" takes a date written YYYY-MM-DD.');
    expect(fieldPick(fields, 'custom.plan', 'Gold', WORDS).problem).toBe('"Plan" takes one of: Basic, Pro.');
    expect(fieldPick(fields, 'custom.orderNumber', ' DM-7 ', WORDS).payload).toEqual({ field: 'custom.orderNumber', value: 'DM-7' });
    expect(fieldPick(fields, 'priority', 'urgent', WORDS).payload).toEqual({ field: 'priority', value: 'urgent' });
    expect(fieldPick(fields, 'category', 'x'.repeat(201), WORDS).problem).toMatch(/^Cannot set category: it takes text of at most 200 characters/);
  });
});

describe('the Gmail/Outlook bar: "Update a field" and assign to a team (issue 23, item 1)', () => {
  function bar(tickets = [summary(1), summary(2), summary(3)]) {
    const { pinia, page, session } = inboxPage();
    const edit = ['ticket.view', 'ticket.edit'] as const;
    session.status = connectionStatus([
      { id: 1, name: 'Support', permissions: [...edit] },
      { id: 2, name: 'Billing', permissions: [...edit] },
    ]);
    session.directory = DIRECTORY;
    page.selectedTickets = tickets;
    page.selectedThreadIds = tickets.map((t) => `t${t.id}`);
    const received = fakeBackground({
      'views.list': () => ({ items: [] }),
      'customFields.list': () => ({ items: FIELDS }),
      'jobs.preview': () => ({ mode: 'bulk', total: tickets.length, violations: [], tickets: tickets.map((t) => ({ ticketId: t.id, ok: true, reason: null })) }),
      'jobs.submit': () => ({ outboxId: 'o1', job: null }),
    });
    return { wrapper: mount(BulkBar, { global: { plugins: [pinia] } }), received };
  }

  it("offers the department's custom fields with a picker per type, and checks then submits the update_field payload the backend takes", async () => {
    const { wrapper, received } = bar();
    await flushPromises();
    expect(jobPayloads(received, 'customFields.list')).toEqual([{ departmentId: 1 }]);
    expect(reasonOf(wrapper, 'Update a field')).toBe('Pick the field to update first.');
    const picker = labelled(wrapper, 'Field');
    expect(picker.findAll('optgroup option').map((o) => o.text())).toEqual(['Order number', 'Amount', 'Renewal date', 'Plan']);

    await picker.setValue('custom.plan');
    expect(labelled(wrapper, 'Value').element.tagName).toBe('SELECT');
    expect(
      labelled(wrapper, 'Value')
        .findAll('option')
        .map((o) => o.text()),
    ).toEqual(['—', 'Basic', 'Pro']);
    await picker.setValue('custom.renewal');
    expect(labelled(wrapper, 'Value').attributes('type')).toBe('date');
    await picker.setValue('custom.amount');
    await labelled(wrapper, 'Value').setValue('1O');
    expect(reasonOf(wrapper, 'Update a field')).toBe('"Amount" takes a number.');
    await button(wrapper, 'Update a field').trigger('click');
    await flushPromises();
    expect(jobPayloads(received, 'jobs.preview')).toEqual([]);

    await labelled(wrapper, 'Value').setValue('10');
    await button(wrapper, 'Update a field').trigger('click');
    await flushPromises();
    const job = { operation: 'update_field', payload: { field: 'custom.amount', value: 10 }, ticketIds: [1, 2, 3], departmentId: 1 };
    expect(jobPayloads(received, 'jobs.preview')).toEqual([job]);
    expect(wrapper.text()).toContain('Update a field: 3 of 3 tickets will be changed.');
    await button(wrapper, 'Run it').trigger('click');
    await flushPromises();
    expect(jobPayloads(received, 'jobs.submit')).toEqual([job]);
  });

  it('a mixed selection offers the standard fields only, and sends a status picked from the list as is', async () => {
    const { wrapper, received } = bar([summary(1), summary(2, 2)]);
    await flushPromises();
    // A mixed selection is the all-departments view: no department's custom fields are offered.
    expect(jobPayloads(received, 'customFields.list')).toEqual([]);
    expect(labelled(wrapper, 'Field').findAll('optgroup')).toHaveLength(0);
    await labelled(wrapper, 'Field').setValue('status');
    await labelled(wrapper, 'Value').setValue('on_hold');
    await button(wrapper, 'Update a field').trigger('click');
    await flushPromises();
    expect(jobPayloads(received, 'jobs.preview')).toEqual([{ operation: 'update_field', payload: { field: 'status', value: 'on_hold' }, ticketIds: [1, 2], departmentId: 'all' }]);
  });

  it('assigns to a team with { teamId }; picking an agent afterwards replaces the team', async () => {
    const { wrapper, received } = bar();
    await flushPromises();
    expect(reasonOf(wrapper, 'Assign')).toBe('Pick the agent or the team to assign first.');
    const team = wrapper
      .findAll('label')
      .find((l) => l.text().startsWith('Team'))!
      .get('select');
    expect(team.findAll('option').map((o) => o.text())).toEqual(['—', 'Tier 2']);
    await team.setValue('9');
    await button(wrapper, 'Assign').trigger('click');
    await flushPromises();
    expect(jobPayloads(received, 'jobs.preview')).toEqual([{ operation: 'assign', payload: { teamId: 9 }, ticketIds: [1, 2, 3], departmentId: 1 }]);

    const agent = wrapper
      .findAll('label')
      .find((l) => l.text().startsWith('Agent'))!
      .get('select');
    await agent.setValue('5');
    expect((team.element as HTMLSelectElement).selectedIndex).toBe(0);
    await button(wrapper, 'Cancel').trigger('click');
    await button(wrapper, 'Assign').trigger('click');
    await flushPromises();
    expect(jobPayloads(received, 'jobs.preview').at(-1)).toEqual({ operation: 'assign', payload: { agentId: 5 }, ticketIds: [1, 2, 3], departmentId: 1 });
  });
});

describe('the mass panel: the same pickers on every ticket of a view', () => {
  const view: View = { id: 7, name: 'Returns open', kind: 'normal', departmentId: 1, ownerAgentId: null, filter: {}, lastUsedAt: '2026-12-01T00:00:00.000Z' };

  async function panel(operation: string) {
    const { pinia, session } = inboxPage();
    session.status = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view', 'ticket.edit', 'ticket.mass_action'] }]);
    session.directory = DIRECTORY;
    const received = fakeBackground({
      'customFields.list': () => ({ items: FIELDS }),
      'jobs.preview': () => ({ mode: 'mass', total: 310, violations: [], tickets: [] }),
    });
    const wrapper = mount(MassActions, { props: { selection: { view, total: 310 } }, global: { plugins: [pinia] } });
    await flushPromises();
    await button(wrapper, operation).trigger('click');
    await flushPromises();
    return { wrapper, received };
  }

  it('a single-choice custom field is picked from its choices and checked as custom.<key> on the view', async () => {
    const { wrapper, received } = await panel('Update a field');
    expect(jobPayloads(received, 'customFields.list')).toEqual([{ departmentId: 1 }]);
    expect(reasonOf(wrapper, 'Check before running')).toBe('Pick the field to update first.');
    await labelled(wrapper, 'Field').setValue('custom.plan');
    expect(reasonOf(wrapper, 'Check before running')).toBe('Pick or type the new value first.');
    await labelled(wrapper, 'Value').setValue('Pro');
    await button(wrapper, 'Check before running').trigger('click');
    await flushPromises();
    expect(jobPayloads(received, 'jobs.preview')).toEqual([{ operation: 'update_field', payload: { field: 'custom.plan', value: 'Pro' }, viewId: 7, departmentId: 1 }]);
  });

  it('assigns every ticket of the view to a team', async () => {
    const { wrapper, received } = await panel('Assign');
    await wrapper
      .findAll('label')
      .find((l) => l.text().startsWith('Team'))!
      .get('select')
      .setValue('9');
    await button(wrapper, 'Check before running').trigger('click');
    await flushPromises();
    expect(jobPayloads(received, 'jobs.preview')).toEqual([{ operation: 'assign', payload: { teamId: 9 }, viewId: 7, departmentId: 1 }]);
  });
});
