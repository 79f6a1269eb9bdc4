import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import DepartmentBlueprintForm from '../../../../components/admin/departments/DepartmentBlueprintForm.vue';
import { ALL_PERMISSIONS } from '../../../../core/rules/permissions';
import { defaultDepartmentFeatures, type Department } from '../../../../core/schemas/department';
import type { Blueprint } from '../../../../core/schemas/template';
import { Refusal } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, withPinia, type AdminAnswers } from '../../session-fixture';

/** R-BULK-15: the options page's "blueprint for new tickets" of one department. */
const billing: Department = {
  id: 20,
  name: 'Billing',
  supportAddresses: ['billing@example.com'],
  fromAddresses: ['billing@example.com'],
  helpCenter: false,
  features: defaultDepartmentFeatures,
  newTicketBlueprintId: null,
};
const refund: Blueprint = { id: 5, departmentId: 20, name: 'Refund approval', transitions: [{ from: 'open', to: 'escalated' }] };

async function mountForm(ops: AdminAnswers = {}, department = billing) {
  const calls = fakeAdminBackground(connectionStatus([{ id: 20, name: 'Billing', permissions: [...ALL_PERMISSIONS] }]), {
    'blueprints.list': () => ({ items: [refund] }),
    'departments.update': (call) => ({ ...department, ...(call.body as object) }),
    ...ops,
  });
  const wrapper = mount(DepartmentBlueprintForm, { props: { department }, ...withPinia() });
  await flushPromises();
  return { wrapper, calls };
}

describe('DepartmentBlueprintForm', () => {
  it("lists the department's blueprints, saves the chosen one and says what new tickets get", async () => {
    const { wrapper, calls } = await mountForm();
    expect(calls[0]).toMatchObject({ op: 'blueprints.list', query: { departmentId: 20 } });
    const select = wrapper.get('select');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['None', 'Refund approval']);
    expect(wrapper.get('button[type=submit]').attributes('disabled')).toBeDefined();
    await select.setValue('5');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toMatchObject({ op: 'departments.update', params: { id: 20 }, body: { newTicketBlueprintId: 5 } });
    expect(wrapper.get('[role=status]').text()).toBe('Billing: new tickets start under blueprint "Refund approval".');
    expect(wrapper.emitted('saved')![0]![0]).toMatchObject({ newTicketBlueprintId: 5 });
  });

  it('sets it back to none, and shows a refusal of the server as it came', async () => {
    const { wrapper, calls } = await mountForm({}, { ...billing, newTicketBlueprintId: 5 });
    // "None" is the option whose value is null; picking it is choosing the first option.
    (wrapper.get('select').element as HTMLSelectElement).selectedIndex = 0;
    await wrapper.get('select').trigger('change');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toMatchObject({ op: 'departments.update', body: { newTicketBlueprintId: null } });
    expect(wrapper.get('[role=status]').text()).toBe('Billing: new tickets start without a blueprint.');

    const refused = await mountForm({
      'departments.update': () => {
        throw new Refusal({ code: 'RULE_VIOLATION', message: 'Blueprint "Refund approval" has no transition from or to open', rule: 'R-BULK-15' });
      },
    });
    await refused.wrapper.get('select').setValue('5');
    await refused.wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(refused.wrapper.get('[role=alert]').text()).toContain('has no transition from or to open');
  });

  it('a department without blueprints says to add one first', async () => {
    const { wrapper } = await mountForm({ 'blueprints.list': () => ({ items: [] }) });
    expect(wrapper.get('.hint').text()).toBe('This department has no blueprints yet; add one under Blueprints first.');
  });
});
