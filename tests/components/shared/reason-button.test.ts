import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ReasonButton from '../../../components/shared/ReasonButton.vue';
import { firstReason } from '../../../components/shared/disabled-reason';

const describedBy = (wrapper: ReturnType<typeof mount>) => {
  const id = wrapper.get('button').attributes('aria-describedby');
  return id ? wrapper.get(`#${id}`).text() : null;
};

describe('ReasonButton', () => {
  it('acts when it can: no description, not disabled, one press', async () => {
    const wrapper = mount(ReasonButton, { props: { reason: null }, slots: { default: 'Close' } });
    expect(wrapper.get('button').attributes('aria-disabled')).toBe('false');
    expect(describedBy(wrapper)).toBeNull();
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('press')).toHaveLength(1);
  });

  it('when it cannot work, it says why as its description and tooltip, and pressing it shows the reason instead of acting', async () => {
    const reason = 'R-BULK-2: Close is not available in the all-departments view; open one department’s view.';
    const wrapper = mount(ReasonButton, { props: { reason }, slots: { default: 'Close' } });
    const button = wrapper.get('button');
    expect(button.attributes('aria-disabled')).toBe('true');
    expect(button.attributes('title')).toBe(reason);
    expect(describedBy(wrapper)).toBe(reason);
    expect(wrapper.get('.disabled-reason').classes()).not.toContain('shown');
    await button.trigger('click');
    expect(wrapper.emitted('press')).toBeUndefined();
    expect(wrapper.get('.disabled-reason').classes()).toContain('shown');
    expect(wrapper.get('.disabled-reason').attributes('role')).toBe('alert');
  });

  it('a lone primary action shows its reason at once, and a new reason is asked for again', async () => {
    const wrapper = mount(ReasonButton, { props: { reason: 'Pick the department first.', showReason: 'always' } });
    expect(wrapper.get('.disabled-reason').classes()).toContain('shown');
    const toolbar = mount(ReasonButton, { props: { reason: 'first' } });
    await toolbar.get('button').trigger('click');
    await toolbar.setProps({ reason: 'second' });
    expect(toolbar.get('.disabled-reason').classes()).not.toContain('shown');
    await toolbar.setProps({ reason: null });
    expect(toolbar.find('.disabled-reason').exists()).toBe(false);
  });

  it('while busy it neither acts nor claims a reason (the progress line says what happens)', async () => {
    const wrapper = mount(ReasonButton, { props: { reason: null, busy: true } });
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('press')).toBeUndefined();
    expect(wrapper.get('button').attributes('aria-disabled')).toBe('true');
  });

  it('a blocked submit button does not submit its form', async () => {
    let submitted = 0;
    const wrapper = mount({
      components: { ReasonButton },
      data: () => ({ reason: 'Type an address first.' as string | null }),
      methods: { submit: () => submitted++ },
      template: '<form @submit.prevent="submit"><ReasonButton type="submit" :reason="reason">Add</ReasonButton></form>',
    });
    await wrapper.get('button').trigger('click');
    expect(submitted).toBe(0);
    expect(wrapper.get('.disabled-reason').classes()).toContain('shown');
  });

  it('passes attributes such as an accessible name to the button', () => {
    const wrapper = mount(ReasonButton, { props: { reason: null }, attrs: { 'aria-label': 'Remove Ann', class: 'remove' } });
    expect(wrapper.get('button').attributes('aria-label')).toBe('Remove Ann');
    expect(wrapper.get('button').classes()).toContain('remove');
  });
});

describe('firstReason', () => {
  it('answers the first condition that holds, in the order the agent fixes them', () => {
    expect(firstReason(false, null, 'connect first', 'then the mailbox')).toBe('connect first');
    expect(firstReason(false, undefined, '', null)).toBeNull();
  });
});
