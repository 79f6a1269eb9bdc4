import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ConnectionForm from '../../../../components/admin/connection/ConnectionForm.vue';
import { fakeBackground, Refusal } from '../../fake-background';
import { connectionStatus, withPinia } from '../../session-fixture';

describe('ConnectionForm', () => {
  it('fills in the saved connection and who it signs in as', async () => {
    fakeBackground({ 'connection.status': () => connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view'] }]) });
    const wrapper = mount(ConnectionForm, withPinia());
    await flushPromises();
    expect(wrapper.get<HTMLInputElement>('#backend-url').element.value).toBe('https://desk.example.com');
    expect(wrapper.text()).toContain('Connected as Ada Admin (ada@example.com)');
    expect(wrapper.find('[role=alert]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows why the background could not tell the saved connection, and still takes a new one', async () => {
    const received = fakeBackground({
      'connection.status': () => {
        throw new Refusal({ code: 'INTERNAL', message: 'The background did not answer.' });
      },
      'connection.test': () => connectionStatus([]).me!,
    });
    const wrapper = mount(ConnectionForm, withPinia());
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).toBe('The background did not answer.');
    await wrapper.get('#api-token').setValue('idk_secret');
    await wrapper.get('button[type=button]').trigger('click');
    await flushPromises();
    expect(received.map((m) => m.type)).toEqual(['connection.status', 'connection.test']);
    expect(wrapper.find('[role=alert]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Connected as Ada Admin');
    wrapper.unmount();
  });
});
