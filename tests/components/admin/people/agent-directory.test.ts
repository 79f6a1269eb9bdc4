import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import AgentDirectory from '../../../../components/admin/people/AgentDirectory.vue';
import { ALL_PERMISSIONS } from '../../../../core/rules/permissions';
import type { AdminAgent } from '../../../../core/schemas/admin-people';
import type { Role } from '../../../../core/schemas/role';
import { Refusal } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, heldAnswer, SIGNED_IN, withPinia, type AdminAnswers } from '../../session-fixture';
import { useLocale } from '../../setup';

const SUPPORT = 10;
const roles: Role[] = [
  { id: 1, name: 'Admin', kind: 'admin', departments: [] },
  { id: 2, name: 'Lead', kind: 'lead', departments: [] },
];
const ada: AdminAgent = { ...SIGNED_IN, memberships: [{ departmentId: SUPPORT, roleId: 1 }], teamIds: [] };
const bo: AdminAgent = { id: 2, email: 'bo@example.com', name: 'Bo Berg', active: true, memberships: [], teamIds: [] };
const status = connectionStatus([
  { id: SUPPORT, name: 'Support', permissions: [...ALL_PERMISSIONS] },
  { id: 20, name: 'Sales', permissions: ['ticket.view'] },
]);

/** The server's answer to a change of one agent: the agent with the change applied. */
const agentWith = (id: number, change: Partial<AdminAgent>): AdminAgent => ({ ...[ada, bo].find((a) => a.id === id)!, ...change });

async function mountDirectory(ops: AdminAnswers = {}, agents: AdminAgent[] = [ada, bo], options: { attachTo?: HTMLElement } = {}) {
  const calls = fakeAdminBackground(status, { 'agents.list': () => ({ items: agents }), 'roles.list': () => ({ items: roles }), ...ops });
  const wrapper = mount(AgentDirectory, { ...withPinia(), ...options });
  await flushPromises();
  const row = (name: string) => wrapper.findAll('li.agent').find((li) => li.get('strong').text() === name)!;
  return { calls, wrapper, row };
}

// Focus tests attach to the page: a failed one must not leave its ids there for the next.
afterEach(() => document.body.replaceChildren());

describe('AgentDirectory', () => {
  it('lists agents with their role in each managed department, and filters by name or e-mail', async () => {
    const { wrapper, row } = await mountDirectory();
    expect(wrapper.findAll('li.agent')).toHaveLength(2);
    expect(row('Ada Admin').text()).toContain('you');
    // Only Support is managed (R-PERM-1): one role box per agent.
    const select = row('Ada Admin').get<HTMLSelectElement>('select');
    expect(row('Ada Admin').findAll('select')).toHaveLength(1);
    expect(row('Ada Admin').get('label').text()).toContain('Role of Ada Admin in Support');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Not a member', 'Admin', 'Lead']);
    expect(select.element.value).toBe('1');
    expect(row('Bo Berg').get<HTMLSelectElement>('select').element.value).toBe('');
    await wrapper.get('input[type="search"]').setValue('BO@EXAMPLE');
    expect(wrapper.findAll('li.agent').map((li) => li.get('strong').text())).toEqual(['Bo Berg']);
    await wrapper.get('input[type="search"]').setValue('zed');
    expect(wrapper.text()).toContain('No agent matches "zed".');
    wrapper.unmount();
  });

  it('says so when there is no agent', async () => {
    const { wrapper } = await mountDirectory({}, []);
    expect(wrapper.text()).toContain('No agents yet.');
    wrapper.unmount();
  });

  it('creates an agent and keeps what was typed when the server refuses', async () => {
    let refuse = true;
    const { wrapper, calls } = await mountDirectory({
      'agents.create': (call) => {
        if (refuse) throw new Refusal({ code: 'CONFLICT', message: 'An agent with the address cy@example.com exists already.' });
        return { id: 3, ...(call.body as { email: string; name: string }), active: true, memberships: [], teamIds: [] };
      },
    });
    const [email, name] = wrapper.findAll('form fieldset input');
    await email!.setValue('cy@example.com');
    await name!.setValue('Cy Chen');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('form [role="alert"]').text()).toBe('An agent with the address cy@example.com exists already.');
    expect((email!.element as HTMLInputElement).value).toBe('cy@example.com');
    refuse = false;
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'agents.create').at(-1)!.body).toEqual({ email: 'cy@example.com', name: 'Cy Chen' });
    expect(wrapper.findAll('li.agent')).toHaveLength(3);
    expect(wrapper.get('form [role="status"]').text()).toBe('Cy Chen added.');
    wrapper.unmount();
  });

  it('renames an agent', async () => {
    const { row, calls, wrapper } = await mountDirectory({ 'agents.update': (call) => agentWith(call.params!.id!, call.body as Partial<AdminAgent>) });
    await row('Bo Berg').get('button[aria-label="Rename Bo Berg"]').trigger('click');
    await row('Bo Berg').get('form input').setValue('Bo Bergman');
    await row('Bo Berg').get('form').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'agents.update')).toMatchObject({ params: { id: 2 }, body: { name: 'Bo Bergman' } });
    expect(row('Bo Bergman').get('[role="status"]').text()).toBe('Renamed to Bo Bergman.');
    wrapper.unmount();
  });

  it("deactivates an agent, and shows the server's refusal to deactivate yourself", async () => {
    const { row, wrapper } = await mountDirectory({
      'agents.update': (call) => {
        if (call.params!.id === SIGNED_IN.id) throw new Refusal({ code: 'CONFLICT', message: 'You cannot deactivate yourself.' });
        return agentWith(call.params!.id!, call.body as Partial<AdminAgent>);
      },
    });
    await row('Bo Berg').get('.actions button:nth-child(2)').trigger('click');
    await flushPromises();
    expect(row('Bo Berg').text()).toContain('deactivated');
    expect(row('Bo Berg').get('.actions button:nth-child(2)').text()).toBe('Activate Bo Berg');
    await row('Ada Admin').get('.actions button:nth-child(2)').trigger('click');
    await flushPromises();
    expect(row('Ada Admin').get('[role="alert"]').text()).toBe('You cannot deactivate yourself.');
    expect(row('Ada Admin').get('.actions button:nth-child(2)').text()).toBe('Deactivate Ada Admin');
    wrapper.unmount();
  });

  it('saves a role only when Save role is pressed, takes an agent out, and keeps a refused choice marked unsaved', async () => {
    let refuse = false;
    const { row, calls, wrapper } = await mountDirectory({
      'agents.setRole': (call) => {
        if (refuse) throw new Refusal({ code: 'RULE_VIOLATION', rule: 'R-PERM-5', message: 'You need settings.manage in Support.' });
        const { roleId } = call.body as { roleId: number | null };
        return agentWith(call.params!.id!, { memberships: roleId === null ? [] : [{ departmentId: SUPPORT, roleId }] });
      },
    });
    const select = () => row('Bo Berg').get<HTMLSelectElement>('select');
    const apply = () => row('Bo Berg').get('button[aria-label="Save role of Bo Berg in Support"]');
    const setRoles = () => calls.filter((c) => c.op === 'agents.setRole');
    expect(apply().text()).toBe('Save role');
    expect(apply().attributes('aria-disabled')).toBe('true');
    // Arrow keys fire change for each role passed: none of them is saved.
    await select().setValue('1');
    await select().setValue('2');
    await flushPromises();
    expect(setRoles()).toHaveLength(0);
    expect(row('Bo Berg').text()).toContain('not saved yet');
    expect(apply().attributes('aria-disabled')).toBeUndefined();
    await apply().trigger('click');
    await flushPromises();
    expect(setRoles()).toHaveLength(1);
    expect(calls.at(-1)).toMatchObject({ op: 'agents.setRole', params: { id: 2, departmentId: SUPPORT }, body: { roleId: 2 } });
    expect(row('Bo Berg').get('[role="status"]').text()).toBe('Bo Berg is now Lead in Support.');
    expect(select().element.value).toBe('2');
    expect(apply().attributes('aria-disabled')).toBe('true');
    expect(row('Bo Berg').text()).not.toContain('not saved yet');
    // Pressing Save role with nothing new to save sends nothing.
    await apply().trigger('click');
    await flushPromises();
    expect(setRoles()).toHaveLength(1);
    await select().setValue('');
    await apply().trigger('click');
    await flushPromises();
    expect(calls.at(-1)!.body).toEqual({ roleId: null });
    expect(row('Bo Berg').get('[role="status"]').text()).toBe('Bo Berg is no longer a member of Support.');
    refuse = true;
    await select().setValue('1');
    await apply().trigger('click');
    await flushPromises();
    expect(row('Bo Berg').get('[role="alert"]').text()).toBe('You need settings.manage in Support.');
    expect(select().element.value).toBe('1');
    expect(select().attributes('aria-describedby')).toBe('agent-2-role-10-unsaved');
    expect(row('Bo Berg').get('#agent-2-role-10-unsaved').text()).toBe('not saved yet');
    wrapper.unmount();
  });

  it('keeps the role box and Save role focusable while saving, and ignores presses until the answer', async () => {
    const answer = heldAnswer<AdminAgent>();
    const { row, calls, wrapper } = await mountDirectory({ 'agents.setRole': () => answer.promise }, [ada, bo], { attachTo: document.body });
    const select = () => row('Bo Berg').get<HTMLSelectElement>('select');
    const apply = () => row('Bo Berg').get<HTMLButtonElement>('button[aria-label="Save role of Bo Berg in Support"]');
    await select().setValue('2');
    apply().element.focus();
    await apply().trigger('click');
    await flushPromises();
    expect(select().element.disabled).toBe(false);
    expect(apply().element.disabled).toBe(false);
    expect(apply().attributes('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(apply().element);
    await apply().trigger('click');
    await row('Bo Berg').get('.actions button:nth-child(2)').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'agents.setRole' || c.op === 'agents.update')).toHaveLength(1);
    answer.release(agentWith(2, { memberships: [{ departmentId: SUPPORT, roleId: 2 }] }));
    await flushPromises();
    expect(row('Bo Berg').get('[role="status"]').text()).toBe('Bo Berg is now Lead in Support.');
    expect(document.activeElement).toBe(apply().element);
    wrapper.unmount();
  });

  it('speaks Japanese', async () => {
    useLocale('ja');
    const { wrapper, row } = await mountDirectory();
    expect(wrapper.get('h2').text()).toBe('担当者');
    expect(row('Bo Berg').get('select option').text()).toBe('メンバーではない');
    expect(row('Bo Berg').get('label').text()).toContain('Support での Bo Berg の役割');
    wrapper.unmount();
  });
});
