import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../core/schemas/messages';
import App from '../../../entrypoints/options/App.vue';
import { Refusal } from '../fake-background';
import { connectionStatus, fakeAdminBackground, withPinia } from '../session-fixture';
import { useLocale } from '../setup';

const AGENT_ONLY = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view', 'ticket.edit', 'ticket.send_email'], role: { id: 3, name: 'Agent', kind: 'agent' } }]);
const ADMIN = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view', 'ticket.edit', 'ticket.send_email', 'settings.manage'] }]);

async function open(status: typeof ADMIN, hash = '') {
  location.hash = hash;
  fakeAdminBackground(
    status,
    { 'roles.list': () => ({ items: [] }) },
    {
      'preferences.get': () => ({ defaultDepartmentId: null }),
      'outbox.list': () => ({ items: [] }),
    },
  );
  const wrapper = mount(App, withPinia());
  await flushPromises();
  return wrapper;
}

const sectionNames = (wrapper: Awaited<ReturnType<typeof open>>) =>
  wrapper
    .get('nav')
    .findAll('a')
    .map((a) => a.text());

describe('options page', () => {
  it('shows an agent who is no admin only their connection and preferences, even when a link names an admin section', async () => {
    const wrapper = await open(AGENT_ONLY, '#roles');
    expect(sectionNames(wrapper)).toEqual(['Connection', 'Preferences']);
    expect(wrapper.get('main').attributes('aria-label')).toBe('Connection');
    expect(wrapper.find('table').exists()).toBe(false);
    wrapper.unmount();
  });

  it('gives an admin every section and opens the one the link names, marked as current', async () => {
    const wrapper = await open(ADMIN, '#roles');
    expect(sectionNames(wrapper)).toEqual([
      'Connection',
      'Preferences',
      'Departments',
      'Roles and permissions',
      'Agents and teams',
      'API tokens',
      'Templates',
      'Macros',
      'Blueprints',
      'Undelivered mail',
    ]);
    expect(wrapper.get('a[aria-current="page"]').text()).toBe('Roles and permissions');
    expect(wrapper.get('main').attributes('aria-label')).toBe('Roles and permissions');
    wrapper.unmount();
  });

  it('follows the navigation', async () => {
    const wrapper = await open(ADMIN, '#connection');
    location.hash = '#preferences';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flushPromises();
    expect(wrapper.get('main h2').text()).toBe('Preferences');
    wrapper.unmount();
  });

  it('opens the admin sections as soon as an admin connection is saved, without reloading the page', async () => {
    location.hash = '';
    let current: ConnectionStatus = { ...connectionStatus([]), configured: false, me: null };
    fakeAdminBackground(
      current,
      {},
      {
        'connection.status': () => current,
        'connection.save': () => (current = ADMIN),
        'preferences.get': () => ({ defaultDepartmentId: null }),
        'outbox.list': () => ({ items: [] }),
      },
    );
    const wrapper = mount(App, withPinia());
    await flushPromises();
    expect(sectionNames(wrapper)).toEqual(['Connection', 'Preferences']);
    await wrapper.get('#api-token').setValue('idk_admin-token');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sectionNames(wrapper)).toContain('Roles and permissions');
    wrapper.unmount();
  });

  it('names its sections in Japanese', async () => {
    useLocale('ja');
    const wrapper = await open(ADMIN);
    expect(sectionNames(wrapper)).toContain('役割と権限');
    wrapper.unmount();
  });

  it('says when it could not load who is signed in, keeps Connection reachable, and offers to try again', async () => {
    // (On #preferences: the connection form does not handle a failing status yet.)
    location.hash = '#preferences';
    let down = true;
    fakeAdminBackground(
      ADMIN,
      { 'roles.list': () => ({ items: [] }) },
      {
        'connection.status': () => {
          if (down) throw new Refusal({ code: 'INTERNAL', message: 'The background did not answer.' });
          return ADMIN;
        },
        'preferences.get': () => ({ defaultDepartmentId: null }),
        'outbox.list': () => ({ items: [] }),
      },
    );
    const wrapper = mount(App, withPinia());
    await flushPromises();
    expect(wrapper.get('main > .load-error [role="alert"]').text()).toBe(
      'Who you are signed in as could not be loaded, so sections you manage may be missing: The background did not answer.',
    );
    expect(sectionNames(wrapper)).toEqual(['Connection', 'Preferences']);
    expect(wrapper.find('nav a[href="#connection"]').exists()).toBe(true);
    down = false;
    await wrapper.get('main > .load-error button').trigger('click');
    await flushPromises();
    expect(wrapper.find('main > .load-error').exists()).toBe(false);
    expect(sectionNames(wrapper)).toContain('Roles and permissions');
    expect(wrapper.get('main').attributes('aria-label')).toBe('Preferences');
    expect(wrapper.find('main form select').exists()).toBe(true);
    wrapper.unmount();
  });
});
