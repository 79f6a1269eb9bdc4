import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import ConnectionForm from '../../../../components/admin/connection/ConnectionForm.vue';
import { fakeBackground, Refusal } from '../../fake-background';
import { connectionStatus, withPinia } from '../../session-fixture';
import { useLocale } from '../../setup';

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

describe('ConnectionForm: policy and host permission', () => {
  afterEach(() => vi.restoreAllMocks());
  const managedStatus = () => ({
    ...connectionStatus([]),
    me: null,
    configured: false,
    backendUrl: 'https://helpdesk.corp.example',
    managed: { backendUrl: 'https://helpdesk.corp.example', tokenHint: 'Ask IT (ext. 1234) for your token.' },
  });

  it('shows the URL an administrator set, read-only, with their token hint', async () => {
    fakeBackground({ 'connection.status': managedStatus });
    const wrapper = mount(ConnectionForm, withPinia());
    await flushPromises();
    const url = wrapper.get<HTMLInputElement>('#backend-url');
    expect(url.element.value).toBe('https://helpdesk.corp.example');
    expect(url.element.readOnly).toBe(true);
    expect(wrapper.text()).toContain('Set by your administrator.');
    expect(wrapper.get('#token-hint').text()).toBe('Ask IT (ext. 1234) for your token.');
    wrapper.unmount();
  });

  it('in Japanese, "permission not granted" and the administrator note are Japanese', async () => {
    useLocale('ja');
    fakeBackground({ 'connection.status': managedStatus, 'connection.test': blocked });
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    const wrapper = mount(ConnectionForm, withPinia());
    await flushPromises();
    expect(wrapper.text()).toContain('管理者が設定しています。');
    await wrapper.get('#api-token').setValue('idk_secret-token');
    await wrapper.get('button[type=button]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).toContain('権限が付与されていません。Chrome は Inbox Desk に https://helpdesk.corp.example へのアクセスを許可しませんでした。');
    wrapper.unmount();
  });

  function blocked(): never {
    throw new Refusal({ code: 'FORBIDDEN', message: 'Chrome withholds its answers', details: { hostPermission: 'https://helpdesk.corp.example/*' } });
  }

  it('asks Chrome for the backend host permission when CORS withheld the answer, and tries again once granted', async () => {
    let calls = 0;
    const received = fakeBackground({ 'connection.status': managedStatus, 'connection.test': () => (++calls === 1 ? blocked() : connectionStatus([]).me!) });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const wrapper = mount(ConnectionForm, withPinia());
    await flushPromises();
    await wrapper.get('#api-token').setValue('idk_secret-token');
    await wrapper.get('button[type=button]').trigger('click');
    await flushPromises();
    expect(request).toHaveBeenCalledWith({ origins: ['https://helpdesk.corp.example/*'] });
    expect(received.map((m) => m.type)).toEqual(['connection.status', 'connection.test', 'connection.test']);
    expect(wrapper.text()).toContain('Connected as Ada Admin');
    wrapper.unmount();
  });

  it('says "permission not granted" with both fixes when the agent declines', async () => {
    fakeBackground({ 'connection.status': managedStatus, 'connection.test': blocked });
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    const wrapper = mount(ConnectionForm, withPinia());
    await flushPromises();
    await wrapper.get('#api-token').setValue('idk_secret-token');
    await wrapper.get('button[type=button]').trigger('click');
    await flushPromises();
    const alert = wrapper.get('[role=alert]').text();
    expect(alert).toContain('Permission not granted: Chrome did not allow Inbox Desk to access https://helpdesk.corp.example.');
    expect(alert).toContain('CORS_ORIGINS');
    wrapper.unmount();
  });

  it('on the next click asks Chrome first, before anything is awaited, as the prompt needs the click', async () => {
    let calls = 0;
    const received = fakeBackground({ 'connection.status': managedStatus, 'connection.test': () => (++calls === 1 ? blocked() : connectionStatus([]).me!) });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValueOnce(false as never);
    const wrapper = mount(ConnectionForm, withPinia());
    await flushPromises();
    await wrapper.get('#api-token').setValue('idk_secret-token');
    await wrapper.get('button[type=button]').trigger('click');
    await flushPromises();
    request.mockResolvedValue(true as never);
    void wrapper.get('button[type=button]').trigger('click');
    expect(request).toHaveBeenCalledTimes(2);
    await flushPromises();
    expect(received.filter((m) => m.type === 'connection.test')).toHaveLength(2);
    expect(wrapper.text()).toContain('Connected as Ada Admin');
    wrapper.unmount();
  });
});
