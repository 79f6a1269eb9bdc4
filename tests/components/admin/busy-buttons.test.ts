import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import DepartmentTeams from '../../../components/admin/people/DepartmentTeams.vue';
import RoleRoster from '../../../components/admin/roles/RoleRoster.vue';
import type { AdminAgent, Team } from '../../../core/schemas/admin-people';
import type { Role } from '../../../core/schemas/role';
import { connectionStatus, fakeAdminBackground, heldAnswer, withPinia } from '../session-fixture';

/** While a change is out its buttons say aria-disabled and ignore presses, rather than turn disabled and drop focus. */
const status = connectionStatus([{ id: 1, name: 'Support', permissions: ['settings.manage'] }]);
const support = { departmentId: 1, departmentName: 'Support', role: { id: 1, name: 'Admin', kind: 'admin' as const }, permissions: ['settings.manage' as const] };
const ada: AdminAgent = { id: 1, email: 'ada@example.com', name: 'Ada', active: true, memberships: [{ departmentId: 1, roleId: 1 }], teamIds: [7] };
const tier1: Team = { id: 7, name: 'Tier 1', departmentId: 1, memberIds: [1] };
const night: Role = { id: 9, name: 'Night shift', kind: 'custom', departments: [] };

// Focus tests attach to the page: a failed one must not leave its ids there for the next.
afterEach(() => document.body.replaceChildren());

describe('buttons while a change is out', () => {
  it("RoleRoster's Create role keeps focus and takes one press", async () => {
    const answer = heldAnswer<Role>();
    const calls = fakeAdminBackground(status, { 'roles.create': () => answer.promise });
    const wrapper = mount(RoleRoster, { ...withPinia(), props: { roles: [] }, attachTo: document.body });
    await wrapper.get('form input').setValue('Night shift');
    const create = wrapper.get('button[type="submit"]');
    (create.element as HTMLButtonElement).focus();
    await wrapper.get('form').trigger('submit');
    await wrapper.get('form').trigger('submit');
    expect(create.attributes('aria-disabled')).toBe('true');
    expect(create.attributes('disabled')).toBeUndefined();
    expect(document.activeElement).toBe(create.element);
    answer.release(night);
    await flushPromises();
    expect(calls.filter((c) => c.op === 'roles.create')).toHaveLength(1);
    expect(wrapper.emitted('created')).toEqual([[night]]);
    wrapper.unmount();
  });

  it("a team form's submit and the teams' Edit buttons keep focus and ignore presses", async () => {
    const answer = heldAnswer<Team>();
    const calls = fakeAdminBackground(status, { 'teams.create': () => answer.promise });
    const wrapper = mount(DepartmentTeams, { ...withPinia(), props: { department: support, teams: [tier1], agents: [ada] }, attachTo: document.body });
    const form = wrapper.get('form');
    await form.get('input').setValue('Night');
    const submit = form.get('button[type="submit"]');
    (submit.element as HTMLButtonElement).focus();
    await form.trigger('submit');
    await form.trigger('submit');
    expect(submit.attributes('aria-disabled')).toBe('true');
    expect(submit.attributes('disabled')).toBeUndefined();
    expect(document.activeElement).toBe(submit.element);
    const edit = wrapper.get('button[aria-label="Edit the team Tier 1"]');
    expect(edit.attributes('aria-disabled')).toBe('true');
    await edit.trigger('click');
    expect(wrapper.findAll('form')).toHaveLength(1);
    answer.release({ ...tier1, id: 8, name: 'Night' });
    await flushPromises();
    expect(calls.filter((c) => c.op === 'teams.create')).toHaveLength(1);
    expect(edit.attributes('aria-disabled')).toBeUndefined();
    wrapper.unmount();
  });
});
