import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TemplateEditor from '../../../components/admin/templates/TemplateEditor.vue';
import type { Template } from '../../../core/schemas/template';
import { Refusal } from '../fake-background';
import { connectionStatus, fakeAdminBackground, heldAnswer, withPinia, type AdminAnswers } from '../session-fixture';

/** composables/use-department-admin.ts, seen through the templates screen: the department picker and its notices. */
const SUPPORT = 1;
const BILLING = 2;
const status = connectionStatus([
  { id: SUPPORT, name: 'Support', permissions: ['ticket.view', 'settings.manage'] },
  { id: BILLING, name: 'Billing', permissions: ['ticket.view', 'settings.manage'] },
]);
const template = (id: number, departmentId: number, name: string): Template => ({ id, departmentId, name, subject: name, body: `Hi from ${name}` });
const welcome = template(7, SUPPORT, 'Welcome');
const invoice = template(8, BILLING, 'Invoice');

async function mountEditor(ops: AdminAnswers) {
  const calls = fakeAdminBackground(status, ops);
  const wrapper = mount(TemplateEditor, { ...withPinia(), attachTo: document.body });
  await flushPromises();
  const names = () => wrapper.findAll('.items .name').map((n) => n.text());
  return { calls, wrapper, names };
}

// Focus tests attach to the page: a failed one must not leave its ids there for the next.
afterEach(() => document.body.replaceChildren());

describe('department admin screens', () => {
  it('never show the list of a department left behind, however late its answer comes', async () => {
    const support = heldAnswer<{ items: Template[] }>();
    const { wrapper, names } = await mountEditor({
      'templates.list': (call) => (call.query!.departmentId === SUPPORT ? support.promise : { items: [invoice] }),
    });
    expect(wrapper.find('[aria-busy="true"]').exists()).toBe(true);
    await wrapper.get('label.pick select').setValue(String(BILLING));
    await flushPromises();
    support.release({ items: [welcome] });
    await flushPromises();
    expect(wrapper.find('[aria-busy="true"]').exists()).toBe(false);
    expect(names()).toEqual(['Invoice']);
    wrapper.unmount();
  });

  it('never show the refusal of a department left behind', async () => {
    const support = heldAnswer<{ items: Template[] }>();
    const { wrapper, names } = await mountEditor({
      'templates.list': (call) => (call.query!.departmentId === SUPPORT ? support.promise : { items: [invoice] }),
    });
    await wrapper.get('label.pick select').setValue(String(BILLING));
    await flushPromises();
    support.refuse(new Refusal({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: 'Not in Support.' }));
    await flushPromises();
    expect(names()).toEqual(['Invoice']);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('forget what was said about the department before when another is chosen', async () => {
    const { wrapper } = await mountEditor({
      'templates.list': (call) => ({ items: call.query!.departmentId === SUPPORT ? [welcome] : [invoice] }),
      'templates.remove': () => ({ id: 7, removed: true as const }),
    });
    await wrapper.get('button[aria-label="Delete “Welcome”"]').trigger('click');
    await wrapper.get('#template-confirm-7').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="status"]').text()).toBe('Template “Welcome” deleted.');
    await wrapper.get('label.pick select').setValue(String(BILLING));
    await flushPromises();
    expect(wrapper.get('[role="status"]').text()).toBe('');
    wrapper.unmount();
  });
});
