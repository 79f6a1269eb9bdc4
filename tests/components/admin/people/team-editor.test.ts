import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import AgentDirectory from '../../../../components/admin/people/AgentDirectory.vue';
import TeamEditor from '../../../../components/admin/people/TeamEditor.vue';
import { ALL_PERMISSIONS } from '../../../../core/rules/permissions';
import type { AdminAgent, Team } from '../../../../core/schemas/admin-people';
import { Refusal } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, withPinia, type AdminAnswers } from '../../session-fixture';

const SUPPORT = 10;
const BILLING = 30;
const member = (id: number, name: string, departmentId: number, active = true): AdminAgent => ({
  id,
  email: `${name.toLowerCase()}@example.com`,
  name,
  active,
  memberships: [{ departmentId, roleId: 3 }],
  teamIds: [],
});
const agents = [member(1, 'Ada', SUPPORT), member(2, 'Bo', SUPPORT), member(3, 'Cy', SUPPORT, false), member(4, 'Di', BILLING), member(5, 'Ed', 20)];
const tier1: Team = { id: 7, name: 'Tier 1', departmentId: SUPPORT, memberIds: [1] };
const status = connectionStatus([
  { id: SUPPORT, name: 'Support', permissions: [...ALL_PERMISSIONS] },
  { id: BILLING, name: 'Billing', permissions: [...ALL_PERMISSIONS] },
  { id: 20, name: 'Sales', permissions: ['ticket.view', 'ticket.edit'] },
]);

async function mountEditor(ops: AdminAnswers = {}, options: { attachTo?: HTMLElement } = {}) {
  const calls = fakeAdminBackground(status, { 'teams.list': () => ({ items: [tier1] }), 'agents.list': () => ({ items: agents }), ...ops });
  const wrapper = mount(TeamEditor, { ...withPinia(), ...options });
  await flushPromises();
  const box = (legend: string) => wrapper.findAll('section > fieldset').find((f) => f.get('legend').text() === legend)!;
  return { calls, wrapper, box };
}

// Focus tests attach to the page: a failed one must not leave its ids there for the next.
afterEach(() => document.body.replaceChildren());

describe('TeamEditor', () => {
  it('shows the teams of each managed department, and says when there are none', async () => {
    const { wrapper, box } = await mountEditor();
    expect(wrapper.findAll('section > fieldset').map((f) => f.get('legend').text())).toEqual(['Support', 'Billing']);
    expect(box('Support').get('.teams li').text()).toContain('Tier 1');
    expect(box('Support').get('.teams li').text()).toContain('Ada');
    expect(box('Billing').text()).toContain('No teams in Billing yet.');
    wrapper.unmount();
  });

  it("offers the department's active members only, and creates a team with the chosen ones", async () => {
    const { wrapper, box, calls } = await mountEditor({ 'teams.create': (call) => ({ id: 8, ...(call.body as Omit<Team, 'id'>) }) });
    const form = box('Support').get('form');
    expect(form.findAll('.members label').map((l) => l.text())).toEqual(['Ada ada@example.com', 'Bo bo@example.com']);
    await form.get('input:not([type="checkbox"])').setValue('Night');
    await form.findAll('input[type="checkbox"]')[1]!.setValue(true);
    await form.trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'teams.create')!.body).toEqual({ departmentId: SUPPORT, name: 'Night', memberIds: [2] });
    expect(
      box('Support')
        .findAll('.teams li')
        .map((li) => li.get('strong').text()),
    ).toEqual(['Tier 1', 'Night']);
    expect(box('Support').get('[role="status"]').text()).toBe('Team Night created.');
    expect((box('Support').get('form').get('input').element as HTMLInputElement).value).toBe('');
    wrapper.unmount();
  });

  it('renames a team and changes its members', async () => {
    const { wrapper, box, calls } = await mountEditor({ 'teams.update': (call) => ({ ...tier1, ...(call.body as Partial<Team>) }) });
    await box('Support').get('button[aria-label="Edit the team Tier 1"]').trigger('click');
    const form = box('Support').get('.teams form');
    await form.get('input:not([type="checkbox"])').setValue('First line');
    const [ada, bo] = form.findAll('input[type="checkbox"]');
    expect((ada!.element as HTMLInputElement).checked).toBe(true);
    await ada!.setValue(false);
    await bo!.setValue(true);
    await form.trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'teams.update')).toMatchObject({ params: { id: 7 }, body: { name: 'First line', memberIds: [2] } });
    expect(box('Support').get('.teams li').text()).toContain('First line');
    expect(box('Support').get('.teams li').text()).toContain('Bo');
    wrapper.unmount();
  });

  it("deletes a team after confirming, and shows the server's reason when tickets are still assigned to it", async () => {
    let refuse = true;
    const { wrapper, box } = await mountEditor({
      'teams.remove': () => {
        if (refuse) throw new Refusal({ code: 'CONFLICT', message: '3 tickets are still assigned to the team Tier 1; assign them elsewhere first.' });
        return { id: 7, removed: true as const };
      },
    });
    const remove = async () => {
      await box('Support').get('button[aria-label="Delete the team Tier 1"]').trigger('click');
      expect(box('Support').get('[role="group"]').text()).toContain('Delete the team Tier 1?');
      await box('Support').get('[role="group"] button.danger').trigger('click');
      await flushPromises();
    };
    await remove();
    expect(box('Support').get('[role="alert"]').text()).toBe('3 tickets are still assigned to the team Tier 1; assign them elsewhere first.');
    expect(box('Support').find('.teams').exists()).toBe(true);
    refuse = false;
    await remove();
    expect(box('Support').text()).toContain('No teams in Support yet.');
    expect(box('Support').get('[role="status"]').text()).toBe('Team Tier 1 deleted.');
    wrapper.unmount();
  });

  it('shows the load failure instead of empty departments', async () => {
    const { wrapper } = await mountEditor({
      'teams.list': () => {
        throw new Refusal({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: 'You need the permission settings.manage.' });
      },
    });
    expect(wrapper.get('[role="alert"]').text()).toBe('You need the permission settings.manage.');
    expect(wrapper.find('section > fieldset').exists()).toBe(false);
    wrapper.unmount();
  });

  it('moves focus into the confirm group, back to Delete on Cancel, and to the department after deleting', async () => {
    const { wrapper, box } = await mountEditor({ 'teams.remove': () => ({ id: 7, removed: true as const }) }, { attachTo: document.body });
    const deleteButton = () => box('Support').get<HTMLButtonElement>('button[aria-label="Delete the team Tier 1"]');
    await deleteButton().trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(box('Support').get('[role="group"] button.danger').element);
    await box('Support').findAll('[role="group"] button')[1]!.trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(deleteButton().element);
    await deleteButton().trigger('click');
    await box('Support').get('[role="group"] button.danger').trigger('click');
    await flushPromises();
    expect(box('Support').text()).toContain('No teams in Support yet.');
    expect(document.activeElement).toBe(box('Support').element);
    wrapper.unmount();
  });

  it('offers the members the agents screen on the same page has just given the department', async () => {
    const staff = agents.map((a) => ({ ...a, memberships: [...a.memberships] }));
    fakeAdminBackground(status, {
      'teams.list': () => ({ items: [tier1] }),
      'agents.list': () => ({ items: staff }),
      'roles.list': () => ({ items: [{ id: 3, name: 'Agent', kind: 'agent', departments: [] }] }),
      'agents.setRole': (call) => {
        const agent = staff.find((a) => a.id === call.params!.id)!;
        agent.memberships = [...agent.memberships, { departmentId: call.params!.departmentId!, roleId: (call.body as { roleId: number }).roleId }];
        return { ...agent };
      },
    });
    const directory = mount(AgentDirectory, withPinia());
    const editor = mount(TeamEditor, withPinia());
    await flushPromises();
    const billing = () => editor.findAll('section > fieldset').find((f) => f.get('legend').text() === 'Billing')!;
    expect(
      billing()
        .get('form')
        .findAll('.members label')
        .map((l) => l.text()),
    ).toEqual(['Di di@example.com']);
    await directory.get('select#agent-2-role-30').setValue('3');
    await directory.get('button[aria-label="Save role of Bo in Billing"]').trigger('click');
    await flushPromises();
    expect(
      billing()
        .get('form')
        .findAll('.members label')
        .map((l) => l.text()),
    ).toEqual(['Bo bo@example.com', 'Di di@example.com']);
    directory.unmount();
    editor.unmount();
  });
});
