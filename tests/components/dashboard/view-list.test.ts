import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import ViewList from '../../../components/dashboard/ViewList.vue';
import type { View } from '../../../core/schemas/view';
import { useSessionStore } from '../../../stores/session';
import { fakeBackground, Refusal } from '../fake-background';
import { connectionStatus, SIGNED_IN, withPinia } from '../session-fixture';

const view = (id: number, over: Partial<View>): View => ({
  id,
  name: `View ${id}`,
  kind: 'normal',
  departmentId: 10,
  ownerAgentId: SIGNED_IN.id,
  filter: {},
  lastUsedAt: '2026-12-01T00:00:00Z',
  ...over,
});

const VIEWS = [
  view(1, { name: 'Spam', kind: 'spam', ownerAgentId: null }),
  view(2, { name: 'My urgent ones', filter: { priorities: ['urgent'] } }),
  view(3, { name: 'Team backlog', ownerAgentId: null }),
];

async function mountList(options: { create?: (body: unknown) => View } = {}) {
  fakeBrowser.reset();
  const received = fakeBackground({
    'connection.status': () => connectionStatus([{ id: 10, name: 'Support', permissions: ['ticket.view'] }]),
    'directory.get': () => ({ departments: [], agents: [], teams: [] }),
    'views.list': () => ({ items: VIEWS }),
    'views.count': ({ viewId }) => ({ viewId, total: viewId * 100 }),
    'views.create': (body) => {
      if (!options.create) throw new Refusal({ code: 'CONFLICT', message: 'You already have a view named "My urgent ones" in this department; pick another name.' });
      return options.create(body);
    },
  });
  const wrapper = mount(ViewList, { ...withPinia(), attachTo: document.body });
  await useSessionStore().load();
  await vi.waitFor(() => expect(wrapper.text()).not.toContain('counting…'));
  return { wrapper, received };
}

describe('the popup lists the views an agent made, and creates them', () => {
  it('lists own and shared views with their counts, not the standard ones (R-BULK-4 is defined by them)', async () => {
    const { wrapper } = await mountList();
    const rows = wrapper.findAll('li.view');
    expect(rows.map((r) => r.find('strong').text())).toEqual(['My urgent ones', 'Team backlog']);
    expect(rows[0]!.text()).toContain('yours, Support');
    expect(rows[0]!.find('[data-testid=view-count]').text()).toBe('200 tickets now');
    expect(rows[1]!.text()).toContain('shared with Support');
  });

  it('a shared view without settings.manage: Edit and Delete say why instead of acting (R-PERM-5)', async () => {
    const { wrapper, received } = await mountList();
    const edit = wrapper.findAll('button').find((b) => b.attributes('aria-label') === 'Edit the view "Team backlog"')!;
    expect(edit.attributes('aria-disabled')).toBe('true');
    await edit.trigger('click');
    expect(wrapper.text()).toContain('you need settings.manage in this department (R-PERM-5)');
    expect(wrapper.find('form').exists()).toBe(false);
    expect(received.some((m) => m.type === 'views.update')).toBe(false);
  });

  it('a new view is sent as the filter the backend compiles; sharing it needs settings.manage first', async () => {
    const { wrapper, received } = await mountList({ create: (body) => view(9, body as Partial<View>) });
    await wrapper.find('button:not([aria-label])').trigger('click');
    const form = wrapper.find('form');
    const save = form.find('button[type=submit]');
    await save.trigger('click');
    expect(form.text()).toContain('Give the view a name first.');
    await form.find('[data-testid=view-name]').setValue('Priority high, unassigned');
    await form.find('input[type=checkbox][value=high]').setValue(true);
    await form.find('[data-testid=view-assignee]').setValue('unassigned');
    await form.find('[data-testid=view-shared]').setValue(true);
    await save.trigger('click');
    expect(form.text()).toContain('you need settings.manage in this department (R-PERM-5)');
    await form.find('[data-testid=view-shared]').setValue(false);
    await save.trigger('click');
    await flushPromises();
    expect(received.find((m) => m.type === 'views.create')?.payload).toEqual({
      departmentId: 10,
      name: 'Priority high, unassigned',
      filter: { priorities: ['high'], unassigned: true },
      shared: false,
    });
    expect(wrapper.find('[role=status]').text()).toContain('Saved the view "Priority high, unassigned"');
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });

  it("the backend's refusal is shown in the form, which keeps what was typed", async () => {
    const { wrapper } = await mountList();
    await wrapper.find('button:not([aria-label])').trigger('click');
    const form = wrapper.find('form');
    await form.find('[data-testid=view-name]').setValue('My urgent ones');
    await form.find('button[type=submit]').trigger('click');
    await flushPromises();
    expect(form.find('[role=alert]').text()).toBe('You already have a view named "My urgent ones" in this department; pick another name.');
    expect((form.find('[data-testid=view-name]').element as HTMLInputElement).value).toBe('My urgent ones');
  });
});
