import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import DashboardTabs from '../../../components/dashboard/DashboardTabs.vue';

const tabs = ['one', 'two', 'three'].map((id) => ({ id, label: id.toUpperCase() }));

function mountTabs(selected = 'one') {
  const wrapper = mount(DashboardTabs, {
    props: { tabs, label: 'Sections', modelValue: selected, 'onUpdate:modelValue': (v: string) => wrapper.setProps({ modelValue: v }) },
    attachTo: document.body,
  });
  return wrapper;
}

const selectedId = (wrapper: ReturnType<typeof mountTabs>) => wrapper.get('[aria-selected="true"]').attributes('id');

describe('DashboardTabs', () => {
  it('is a labelled tab list with one tab stop, on the selected tab', () => {
    const wrapper = mountTabs('two');
    expect(wrapper.get('[role="tablist"]').attributes('aria-label')).toBe('Sections');
    expect(wrapper.findAll('[role="tab"]').map((t) => t.attributes('tabindex'))).toEqual(['-1', '0', '-1']);
    expect(wrapper.get('#tab-two').attributes('aria-controls')).toBe('panel-two');
    wrapper.unmount();
  });

  it('moves with the arrow keys (wrapping), Home and End, and follows focus', async () => {
    const wrapper = mountTabs();
    const press = async (key: string) => {
      await wrapper.get('[aria-selected="true"]').trigger('keydown', { key });
      await nextTick();
      await nextTick();
    };
    await press('ArrowRight');
    expect(selectedId(wrapper)).toBe('tab-two');
    expect(document.activeElement?.id).toBe('tab-two');
    await press('End');
    expect(selectedId(wrapper)).toBe('tab-three');
    await press('ArrowRight');
    expect(selectedId(wrapper)).toBe('tab-one');
    await press('ArrowLeft');
    expect(selectedId(wrapper)).toBe('tab-three');
    await press('Home');
    expect(selectedId(wrapper)).toBe('tab-one');
    wrapper.unmount();
  });

  it('selects on click', async () => {
    const wrapper = mountTabs();
    await wrapper.get('#tab-three').trigger('click');
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['three']);
    wrapper.unmount();
  });
});
