import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import RolePermissionMatrix from '../../../../components/admin/roles/RolePermissionMatrix.vue';
import { ALL_PERMISSIONS } from '../../../../core/rules/permissions';
import type { Role } from '../../../../core/schemas/role';
import { Refusal } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, heldAnswer, withPinia } from '../../session-fixture';
import { useLocale } from '../../setup';

const SUPPORT = 10;
const admin: Role = { id: 1, name: 'Admin', kind: 'admin', departments: [{ departmentId: SUPPORT, permissions: [...ALL_PERMISSIONS] }] };
const lead: Role = {
  id: 2,
  name: 'Lead',
  kind: 'lead',
  departments: [{ departmentId: SUPPORT, permissions: ['ticket.view', 'ticket.edit', 'ticket.send_email', 'ticket.bulk_reply'] }],
};
const night: Role = { id: 3, name: 'Night shift', kind: 'custom', departments: [{ departmentId: SUPPORT, permissions: ['ticket.view'] }] };

const status = connectionStatus([
  { id: SUPPORT, name: 'Support', permissions: [...ALL_PERMISSIONS] },
  { id: 20, name: 'Sales', permissions: ['ticket.view'] },
]);

/** The server's answer to a permission save: the role with that department's set replaced. */
function savedRole(call: { params?: Record<string, number>; body?: unknown }): Role {
  const role = [lead, night].find((r) => r.id === call.params!.id)!;
  const { permissions } = call.body as { permissions: Role['departments'][number]['permissions'] };
  return { ...role, departments: [{ departmentId: call.params!.departmentId!, permissions }] };
}

async function mountMatrix(ops: Parameters<typeof fakeAdminBackground>[1] = {}, options: { attachTo?: HTMLElement; signedIn?: typeof status } = {}) {
  const calls = fakeAdminBackground(options.signedIn ?? status, { 'roles.list': () => ({ items: [admin, lead, night] }), 'roles.setPermissions': savedRole, ...ops });
  const wrapper = mount(RolePermissionMatrix, { ...withPinia(), attachTo: options.attachTo });
  await flushPromises();
  const box = (permission: string, role: string) => wrapper.get<HTMLInputElement>(`input[aria-label="${permission} for ${role}"]`);
  return { calls, wrapper, box };
}

// Focus tests attach to the page: a failed one must not leave its ids there for the next.
afterEach(() => document.body.replaceChildren());

describe('RolePermissionMatrix', () => {
  it('is an accessible table of permissions by role, for departments the agent manages only', async () => {
    const { wrapper, box } = await mountMatrix();
    expect(wrapper.get('caption').text()).toBe('Permissions of each role in Support');
    expect(wrapper.findAll('th[scope="col"]').map((th) => th.text())).toEqual(['Permission', 'Admin Admin', 'Lead Team lead', 'Night shift Custom']);
    expect(wrapper.findAll('th[scope="row"]')).toHaveLength(ALL_PERMISSIONS.length);
    expect(box('Search and merge', 'Night shift').element.checked).toBe(false);
    expect(box('View tickets', 'Night shift').element.checked).toBe(true);
    // Sales grants no settings.manage, so it is not offered (R-PERM-1).
    expect(
      wrapper
        .get('label.pick select')
        .findAll('option')
        .map((o) => o.text()),
    ).toEqual(['Support']);
    wrapper.unmount();
  });

  it('R-PERM-3: the admin column is all ticked, read-only and explained', async () => {
    const { wrapper, box } = await mountMatrix();
    for (const label of ['View tickets', 'Bulk reply', 'Manage settings']) {
      expect(box(label, 'Admin').element.checked).toBe(true);
      expect(box(label, 'Admin').element.disabled).toBe(true);
      expect(box(label, 'Admin').attributes('aria-describedby')).toBe('role-matrix-R-PERM-3');
    }
    expect(wrapper.get('#role-matrix-R-PERM-3').text()).toContain('R-PERM-3');
    wrapper.unmount();
  });

  it('R-PERM-4: unticking Send e-mail unticks and locks Bulk reply, says so, and saves neither', async () => {
    const { wrapper, box, calls } = await mountMatrix();
    expect(box('Bulk reply', 'Lead').element.disabled).toBe(false);
    await box('Send e-mail', 'Lead').setValue(false);
    await flushPromises();
    const save = calls.find((c) => c.op === 'roles.setPermissions')!;
    expect(save.params).toEqual({ id: 2, departmentId: SUPPORT });
    expect(save.body).toEqual({ permissions: ['ticket.view', 'ticket.edit'] });
    expect(box('Bulk reply', 'Lead').element.checked).toBe(false);
    expect(box('Bulk reply', 'Lead').element.disabled).toBe(true);
    expect(box('Bulk reply', 'Lead').attributes('aria-describedby')).toBe('role-matrix-R-PERM-4');
    expect(wrapper.get('#role-matrix-R-PERM-4').text()).toMatch(/^R-PERM-4: Bulk reply can only be granted/);
    expect(wrapper.get('[role="status"]').text()).toContain('R-PERM-4: Bulk reply was removed from Lead too');
    wrapper.unmount();
  });

  it('Bulk reply stays locked for a role without Send e-mail until Send e-mail is ticked', async () => {
    const { wrapper, box, calls } = await mountMatrix();
    expect(box('Bulk reply', 'Night shift').element.disabled).toBe(true);
    await box('Send e-mail', 'Night shift').setValue(true);
    await flushPromises();
    expect(box('Bulk reply', 'Night shift').element.disabled).toBe(false);
    await box('Bulk reply', 'Night shift').setValue(true);
    await flushPromises();
    expect(calls.filter((c) => c.op === 'roles.setPermissions').map((c) => c.body)).toEqual([
      { permissions: ['ticket.view', 'ticket.send_email'] },
      { permissions: ['ticket.view', 'ticket.send_email', 'ticket.bulk_reply'] },
    ]);
    wrapper.unmount();
  });

  it("a refused save puts the column back as the server has it and shows the server's rule", async () => {
    const { wrapper, box } = await mountMatrix({
      'roles.setPermissions': () => {
        throw new Refusal({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: 'You need the permission settings.manage in department Support.' });
      },
    });
    await box('Search and merge', 'Night shift').setValue(true);
    await flushPromises();
    expect(box('Search and merge', 'Night shift').element.checked).toBe(false);
    expect(box('View tickets', 'Night shift').element.checked).toBe(true);
    expect(box('Search and merge', 'Night shift').element.disabled).toBe(false);
    expect(wrapper.get('[role="alert"]').text()).toBe('The permissions of Night shift were not changed: You need the permission settings.manage in department Support.');
    wrapper.unmount();
  });

  it('creates a role copied from another, which gets its own column', async () => {
    const copy: Role = { ...lead, id: 4, name: 'Senior', kind: 'custom' };
    const { wrapper, calls } = await mountMatrix({ 'roles.create': () => copy });
    await wrapper.get('form input').setValue('Senior');
    const [kind, copyFrom] = wrapper.findAll('form select');
    await copyFrom!.setValue('2');
    expect(kind!.findAll('option').map((o) => o.text())).toEqual(['Custom', 'Agent', 'Team lead']);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'roles.create')!.body).toEqual({ name: 'Senior', kind: 'custom', copyFromRoleId: 2 });
    expect(wrapper.get('input[aria-label="Bulk reply for Senior"]').element).toHaveProperty('checked', true);
    expect(wrapper.text()).toContain('Role Senior created.');
    wrapper.unmount();
  });

  it("deletes a role after confirming, and shows the server's reason when it refuses", async () => {
    let refuse = true;
    const { wrapper } = await mountMatrix({
      'roles.remove': () => {
        if (refuse) throw new Refusal({ code: 'CONFLICT', message: '2 agents still hold the role Night shift.' });
        return { id: 3, removed: true as const };
      },
    });
    const roster = () => wrapper.get('fieldset');
    // The admin role has no delete button.
    expect(
      roster()
        .findAll('li')
        .map((li) => li.find('button').exists()),
    ).toEqual([false, true, true]);
    await roster().findAll('li')[2]!.get('button').trigger('click');
    expect(roster().get('[role="group"]').text()).toContain('Delete the role Night shift?');
    await roster().get('[role="group"] button.danger').trigger('click');
    await flushPromises();
    expect(roster().get('[role="alert"]').text()).toBe('2 agents still hold the role Night shift.');
    expect(wrapper.find('input[aria-label="View tickets for Night shift"]').exists()).toBe(true);
    refuse = false;
    await roster().findAll('li')[2]!.get('button').trigger('click');
    await roster().get('[role="group"] button.danger').trigger('click');
    await flushPromises();
    expect(wrapper.find('input[aria-label="View tickets for Night shift"]').exists()).toBe(false);
    expect(roster().get('[role="status"]').text()).toBe('Role Night shift deleted.');
    wrapper.unmount();
  });

  it('speaks Japanese, naming the rules', async () => {
    useLocale('ja');
    const { wrapper } = await mountMatrix();
    expect(wrapper.get('h2').text()).toBe('役割と権限');
    expect(wrapper.get('caption').text()).toBe('Support の各役割の権限');
    expect(wrapper.find('input[aria-label="Lead の 一括返信"]').exists()).toBe(true);
    expect(wrapper.get('#role-matrix-R-PERM-4').text()).toMatch(/^R-PERM-4: 一括返信は/);
    wrapper.unmount();
  });

  it('keeps a saving column focusable: aria-disabled, and a press on it is ignored until the server answers', async () => {
    const answer = heldAnswer<Role>();
    const { wrapper, box, calls } = await mountMatrix({ 'roles.setPermissions': () => answer.promise }, { attachTo: document.body });
    const saves = () => calls.filter((c) => c.op === 'roles.setPermissions');
    box('Search and merge', 'Night shift').element.focus();
    await box('Search and merge', 'Night shift').setValue(true);
    await flushPromises();
    expect(box('Search and merge', 'Night shift').element.disabled).toBe(false);
    expect(box('Search and merge', 'Night shift').attributes('aria-disabled')).toBe('true');
    expect(box('View tickets', 'Night shift').attributes('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(box('Search and merge', 'Night shift').element);
    // A click on a saving column changes nothing and sends nothing.
    const clicked = new MouseEvent('click', { bubbles: true, cancelable: true });
    box('Move tickets', 'Night shift').element.dispatchEvent(clicked);
    expect(clicked.defaultPrevented).toBe(true);
    await box('Move tickets', 'Night shift').setValue(true);
    await flushPromises();
    expect(box('Move tickets', 'Night shift').element.checked).toBe(false);
    expect(saves()).toHaveLength(1);
    // Other columns are not held.
    expect(box('Search and merge', 'Lead').attributes('aria-disabled')).toBeUndefined();
    answer.release(savedRole({ params: { id: 3, departmentId: SUPPORT }, body: { permissions: ['ticket.view', 'ticket.merge'] } }));
    await flushPromises();
    expect(box('Search and merge', 'Night shift').element.checked).toBe(true);
    expect(box('Search and merge', 'Night shift').attributes('aria-disabled')).toBeUndefined();
    expect(wrapper.get('[role="status"]').text()).toBe('Night shift in Support: permissions saved.');
    wrapper.unmount();
  });

  it('forgets what was said about the department before when another is chosen', async () => {
    const both = connectionStatus([
      { id: SUPPORT, name: 'Support', permissions: [...ALL_PERMISSIONS] },
      { id: 30, name: 'Billing', permissions: [...ALL_PERMISSIONS] },
    ]);
    const { wrapper, box } = await mountMatrix(
      {
        'roles.setPermissions': (call) => {
          if (call.params!.departmentId === 30) throw new Refusal({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: 'Not in Billing.' });
          return savedRole(call);
        },
      },
      { signedIn: both },
    );
    await box('Search and merge', 'Night shift').setValue(true);
    await flushPromises();
    expect(wrapper.get('[role="status"]').text()).toBe('Night shift in Support: permissions saved.');
    await wrapper.get('label.pick select').setValue('30');
    await flushPromises();
    expect(wrapper.get('caption').text()).toBe('Permissions of each role in Billing');
    expect(wrapper.get('[role="status"]').text()).toBe('');
    await box('View tickets', 'Lead').setValue(true);
    await flushPromises();
    expect(wrapper.get('section > [role="alert"]').text()).toContain('Not in Billing.');
    await wrapper.get('label.pick select').setValue(String(SUPPORT));
    await flushPromises();
    expect(wrapper.find('section > [role="alert"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('moves focus into the confirm group, back to Delete on Cancel, and to the roles after deleting', async () => {
    const { wrapper } = await mountMatrix({ 'roles.remove': () => ({ id: 3, removed: true as const }) }, { attachTo: document.body });
    const roster = () => wrapper.get('fieldset');
    const deleteNight = () => roster().findAll('li')[2]!.get('button');
    await deleteNight().trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(roster().get('[role="group"] button.danger').element);
    await roster().findAll('[role="group"] button')[1]!.trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(deleteNight().element);
    await deleteNight().trigger('click');
    await roster().get('[role="group"] button.danger').trigger('click');
    await flushPromises();
    expect(roster().findAll('li')).toHaveLength(2);
    expect(document.activeElement).toBe(roster().element);
    wrapper.unmount();
  });
});
