import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import PreferencesForm from '../../../../components/admin/preferences/PreferencesForm.vue';
import { useSessionStore } from '../../../../stores/session';
import { Refusal } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, withPinia } from '../../session-fixture';

const edit = ['ticket.view', 'ticket.edit'] as const;
const STATUS = connectionStatus([
  { id: 1, name: 'Support', permissions: [...edit] },
  { id: 2, name: 'Billing', permissions: [...edit] },
  { id: 3, name: 'Archive', permissions: ['ticket.view'] },
]);

describe('PreferencesForm', () => {
  it('offers the departments the agent can edit and saves the chosen one as the default for new tickets', async () => {
    let saved: unknown = null;
    fakeAdminBackground(
      STATUS,
      {},
      {
        'preferences.get': () => ({ defaultDepartmentId: null }),
        'preferences.set': (preferences) => ((saved = preferences), { defaultDepartmentId: preferences.defaultDepartmentId ?? null }),
      },
    );
    const plugins = withPinia();
    const wrapper = mount(PreferencesForm, plugins);
    await flushPromises();
    const select = wrapper.get('select');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['The first department I can edit', 'Support', 'Billing']);
    await select.setValue('2');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(saved).toEqual({ defaultDepartmentId: 2 });
    expect(wrapper.get('[role=status]').text()).toBe('Preferences saved.');
    const session = useSessionStore();
    // A mailbox that belongs to no department now files new tickets in Billing; one that does keeps its own.
    expect(session.defaultDepartmentFor('someone@else.example')).toBe(2);
    wrapper.unmount();
  });

  it('falls back to the first editable department when the preferred one is no longer editable', async () => {
    fakeAdminBackground(STATUS, {}, { 'preferences.get': () => ({ defaultDepartmentId: 3 }) });
    const wrapper = mount(PreferencesForm, withPinia());
    await flushPromises();
    expect(useSessionStore().defaultDepartmentFor(null)).toBe(1);
    wrapper.unmount();
  });

  it.each(['connection.status', 'preferences.get'])('offers no form, which could overwrite the saved choice, until %s has answered', async (failing) => {
    let down = true;
    let saved = false;
    const answer =
      <T>(type: string, value: T) =>
      () => {
        if (down && type === failing) throw new Refusal({ code: 'INTERNAL', message: 'The background did not answer.' });
        return value;
      };
    fakeAdminBackground(
      STATUS,
      {},
      {
        'connection.status': answer('connection.status', STATUS),
        'preferences.get': answer('preferences.get', { defaultDepartmentId: 2 }),
        'preferences.set': () => ((saved = true), { defaultDepartmentId: null }),
      },
    );
    const wrapper = mount(PreferencesForm, withPinia());
    await flushPromises();
    expect(useSessionStore().preferencesLoaded).toBe(false);
    expect(wrapper.find('form').exists()).toBe(false);
    expect(wrapper.text()).toContain('Your preferences can be changed once the extension knows who you are signed in as.');
    // Loading the session again (the options page's Try again, or opening this section again) brings the form with the saved choice.
    down = false;
    await useSessionStore().load();
    await flushPromises();
    expect(wrapper.get<HTMLSelectElement>('select').element.value).toBe('2');
    expect(saved).toBe(false);
    wrapper.unmount();
  });
});
