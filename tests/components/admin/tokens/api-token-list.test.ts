import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ApiTokenList from '../../../../components/admin/tokens/ApiTokenList.vue';
import { ALL_PERMISSIONS } from '../../../../core/rules/permissions';
import type { AdminAgent, ApiToken } from '../../../../core/schemas/admin-people';
import { Refusal } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, heldAnswer, SIGNED_IN, withPinia, type AdminAnswers } from '../../session-fixture';
import { useLocale } from '../../setup';

const agents: AdminAgent[] = [
  { ...SIGNED_IN, memberships: [], teamIds: [] },
  { id: 2, email: 'bo@example.com', name: 'Bo Berg', active: true, memberships: [], teamIds: [] },
];
const laptop: ApiToken = { id: 11, agentId: 1, label: 'Laptop', createdAt: '2026-01-05T09:00:00Z', lastUsedAt: null, revokedAt: null, expiresAt: null, createdById: null };
const PLAIN = 'idk_4f9c0d3b8e7a6f5e4d3c2b1a09f8e7d6c5b4a392817f6e5d4c3b2a1908f7e6d5';
const status = connectionStatus([{ id: 10, name: 'Support', permissions: [...ALL_PERMISSIONS] }]);

/** A backend that keeps tokens like the real one: the plain token only in the answer that creates it. */
function tokenServer(ops: AdminAnswers = {}) {
  const kept: ApiToken[] = [{ ...laptop }];
  const calls = fakeAdminBackground(status, {
    'agents.list': () => ({ items: agents }),
    'tokens.list': (call) => ({ items: kept.filter((t) => t.agentId === call.query!.agentId) }),
    'tokens.create': (call) => {
      const { agentId, label } = call.body as { agentId: number; label: string };
      const token: ApiToken = { id: 12, agentId, label, createdAt: '2026-02-01T10:00:00Z', lastUsedAt: null, revokedAt: null, expiresAt: null, createdById: null };
      kept.push(token);
      return { ...token, token: PLAIN };
    },
    'tokens.revoke': (call) => {
      const token = kept.find((t) => t.id === call.params!.id)!;
      token.revokedAt = '2026-02-02T10:00:00Z';
      return token;
    },
    ...ops,
  });
  return { calls, kept };
}

async function mountList(options: { attachTo?: HTMLElement } = {}) {
  const wrapper = mount(ApiTokenList, { ...withPinia(), ...options });
  await flushPromises();
  return wrapper;
}

// Focus tests attach to the page: a failed one must not leave its ids there for the next.
afterEach(() => document.body.replaceChildren());

describe('ApiTokenList', () => {
  it("lists the signed-in agent's tokens by default, in a table", async () => {
    const { calls } = tokenServer();
    const wrapper = await mountList();
    expect(calls.find((c) => c.op === 'tokens.list')!.query).toEqual({ agentId: 1 });
    expect(wrapper.get<HTMLSelectElement>('select').element.value).toBe('1');
    expect(wrapper.get('select option').text()).toBe('Ada Admin (you)');
    expect(wrapper.get('caption').text()).toBe('Tokens of Ada Admin');
    const cells = wrapper
      .findAll('tbody tr')[0]!
      .findAll('th, td')
      .map((c) => c.text());
    expect(cells[0]).toBe('Laptop');
    expect(cells[2]).toBe('Never');
    expect(cells[3]).toBe('Never');
    expect(cells[4]).toBe('No');
    wrapper.unmount();
  });

  it('shows a new token once, read-only with a Copy button, and never again after a reload', async () => {
    const { calls } = tokenServer();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const wrapper = await mountList();
    await wrapper.get('form input').setValue('CI script');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'tokens.create')!.body).toEqual({ agentId: 1, label: 'CI script' });
    const plain = wrapper.get<HTMLInputElement>('#api-token-plain');
    expect(plain.element.value).toBe(PLAIN);
    expect(plain.element.readOnly).toBe(true);
    expect(wrapper.get('label[for="api-token-plain"]').text()).toBe('New token "CI script" for Ada Admin');
    expect(wrapper.get('#api-token-once').text()).toContain('You will not see it again.');
    await wrapper.get('.fresh button').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(PLAIN);
    expect(wrapper.get('[role="status"]').text()).toBe('Copied.');
    expect(wrapper.findAll('tbody th').map((th) => th.text())).toEqual(['CI script', 'Laptop']);
    wrapper.unmount();

    const reloaded = await mountList();
    expect(reloaded.findAll('tbody th').map((th) => th.text())).toEqual(['Laptop', 'CI script']);
    expect(reloaded.find('#api-token-plain').exists()).toBe(false);
    expect(reloaded.html()).not.toContain(PLAIN);
    reloaded.unmount();
  });

  it('sends the end of the chosen day as the expiry, and none when the day is left empty', async () => {
    const { calls } = tokenServer();
    const wrapper = await mountList();
    await wrapper.get('form input').setValue('Contractor');
    await wrapper.get('input[type="date"]').setValue('2027-03-31');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'tokens.create')!.body).toEqual({ agentId: 1, label: 'Contractor', expiresAt: new Date('2027-03-31T23:59:59.999').toISOString() });
    expect(wrapper.get<HTMLInputElement>('input[type="date"]').element.value).toBe('');
    wrapper.unmount();
  });

  it("lists another agent's tokens, keeping the token just shown, named as its owner's, until it is dismissed", async () => {
    const { calls } = tokenServer();
    const wrapper = await mountList();
    await wrapper.get('form input').setValue('Phone');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    await wrapper.get('select').setValue('2');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'tokens.list').at(-1)!.query).toEqual({ agentId: 2 });
    expect(wrapper.text()).toContain('Bo Berg has no tokens.');
    expect(wrapper.get<HTMLInputElement>('#api-token-plain').element.value).toBe(PLAIN);
    expect(wrapper.get('label[for="api-token-plain"]').text()).toBe('New token "Phone" for Ada Admin');
    await wrapper.findAll('.fresh button')[1]!.trigger('click');
    expect(wrapper.find('#api-token-plain').exists()).toBe(false);
    expect(wrapper.html()).not.toContain(PLAIN);
    wrapper.unmount();
  });

  it('empties the table while another agent is chosen, and an answer for an agent chosen before never lands', async () => {
    const bo = heldAnswer<{ items: ApiToken[] }>();
    const boPhone: ApiToken = { ...laptop, id: 20, agentId: 2, label: 'Bo phone' };
    tokenServer({ 'tokens.list': (call) => (call.query!.agentId === 2 ? bo.promise : { items: [laptop] }) });
    const wrapper = await mountList();
    await wrapper.get('select').setValue('2');
    await flushPromises();
    expect(wrapper.find('table').exists()).toBe(false);
    expect(wrapper.get('[aria-busy="true"]').text()).toBe('Loading…');
    expect(wrapper.text()).not.toContain('has no tokens');
    await wrapper.get('select').setValue('1');
    await flushPromises();
    bo.release({ items: [boPhone] });
    await flushPromises();
    expect(wrapper.get('caption').text()).toBe('Tokens of Ada Admin');
    expect(wrapper.findAll('tbody th').map((th) => th.text())).toEqual(['Laptop']);
    wrapper.unmount();
  });

  it('shows why the list failed instead of a table', async () => {
    tokenServer({
      'tokens.list': (call) => {
        if (call.query!.agentId === 2) throw new Refusal({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: 'You need the permission settings.manage.' });
        return { items: [laptop] };
      },
    });
    const wrapper = await mountList();
    await wrapper.get('select').setValue('2');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('You need the permission settings.manage.');
    expect(wrapper.find('table').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('has no tokens');
    wrapper.unmount();
  });

  it('moves focus into the confirm group, back to Revoke on Cancel, and to the table after revoking', async () => {
    tokenServer();
    const wrapper = await mountList({ attachTo: document.body });
    const revoke = () => wrapper.get<HTMLButtonElement>('button[aria-label="Revoke the token Laptop"]');
    await revoke().trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('[role="group"] button.danger').element);
    await wrapper.findAll('[role="group"] button')[1]!.trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(revoke().element);
    await revoke().trigger('click');
    await wrapper.get('[role="group"] button.danger').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('table').element);
    wrapper.unmount();
  });

  it('revokes a token after confirming', async () => {
    const { calls } = tokenServer();
    const wrapper = await mountList();
    await wrapper.get('button[aria-label="Revoke the token Laptop"]').trigger('click');
    expect(calls.some((c) => c.op === 'tokens.revoke')).toBe(false);
    expect(wrapper.get('[role="group"]').text()).toContain('Revoke the token Laptop? Anything signed in with it stops working.');
    await wrapper.get('[role="group"] button.danger').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.op === 'tokens.revoke')!.params).toEqual({ id: 11 });
    expect(wrapper.get('tbody tr').findAll('td')[2]!.text()).not.toBe('No');
    expect(wrapper.find('tbody button').exists()).toBe(false);
    expect(wrapper.get('[role="status"]').text()).toBe('Token Laptop revoked.');
    wrapper.unmount();
  });

  it('speaks Japanese', async () => {
    useLocale('ja');
    tokenServer();
    const wrapper = await mountList();
    expect(wrapper.get('h2').text()).toBe('API トークン');
    expect(wrapper.get('caption').text()).toBe('Ada Admin のトークン');
    wrapper.unmount();
  });
});
