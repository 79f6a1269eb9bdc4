import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import BlueprintEditor from '../../../../components/admin/blueprints/BlueprintEditor.vue';
import type { Blueprint } from '../../../../core/schemas/template';
import { Refusal } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, withPinia, type AdminAnswers } from '../../session-fixture';
import { useLocale } from '../../setup';

/** Signed in as someone who manages Support (1). */
const signedIn = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view', 'settings.manage'] }]);

const refund: Blueprint = {
  id: 5,
  departmentId: 1,
  name: 'Refund approval',
  transitions: [
    { from: 'open', to: 'escalated' },
    { from: 'escalated', to: 'closed' },
  ],
};

let current: VueWrapper | null = null;

function renderEditor(ops: AdminAnswers = {}) {
  const calls = fakeAdminBackground(signedIn, { 'blueprints.list': () => ({ items: [refund] }), ...ops });
  current = mount(BlueprintEditor, { ...withPinia(), attachTo: document.body });
  return { wrapper: current, calls };
}

const rows = (wrapper: VueWrapper) => wrapper.findAll('fieldset > ol > li');
const save = (wrapper: VueWrapper) => wrapper.findAll('button').find((b) => b.text() === 'Save blueprint')!;
const summary = (wrapper: VueWrapper) => wrapper.findAll('dt').map((dt, i) => `${dt.text()} ${wrapper.findAll('dd')[i]!.text()}`);

async function editRefund(ops: AdminAnswers = {}) {
  const rendered = renderEditor(ops);
  await flushPromises();
  // The first button of the item is its Edit button, in any language.
  await rendered.wrapper.get('.items li button').trigger('click');
  return rendered;
}

afterEach(() => current?.unmount());

describe('BlueprintEditor', () => {
  it('R-BULK-15: shows, per status, where a ticket can go', async () => {
    const { wrapper, calls } = await editRefund();
    expect(calls[0]).toEqual({ op: 'blueprints.list', query: { departmentId: 1 } });
    expect(summary(wrapper)).toEqual([
      'Open → Escalated',
      'On hold Nowhere (it stays in this status while the blueprint is applied)',
      'Waiting on customer Nowhere (it stays in this status while the blueprint is applied)',
      'Escalated → Closed',
      'Closed Nowhere (it stays in this status while the blueprint is applied)',
    ]);
  });

  it('R-BULK-15: flags a repeated transition and one to the same status, and keeps Save off until fixed', async () => {
    const { wrapper, calls } = await editRefund({ 'blueprints.update': (call) => ({ ...refund, ...(call.body as object) }) });
    await wrapper.get('#transition-add').trigger('click');
    const added = rows(wrapper)[2]!;
    const [from, to] = added.findAll('select');
    await from!.setValue('open');
    await to!.setValue('escalated');
    expect(added.text()).toContain('R-BULK-15: The transition Open → Escalated is listed twice.');
    expect(to!.attributes('aria-invalid')).toBe('true');
    expect(save(wrapper).attributes('disabled')).toBeDefined();
    expect(wrapper.get('#blueprint-blockers').text()).toContain('R-BULK-15: Fix the flagged transition first.');

    await to!.setValue('open');
    expect(added.text()).toContain('R-BULK-15: A transition must lead to another status.');
    expect(save(wrapper).attributes('disabled')).toBeDefined();

    await to!.setValue('on_hold');
    expect(added.find('.problem').exists()).toBe(false);
    expect(summary(wrapper)[0]).toBe('Open → On hold, Escalated');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toEqual({
      op: 'blueprints.update',
      params: { id: 5 },
      body: { transitions: [...refund.transitions, { from: 'open', to: 'on_hold' }] },
    });
    expect(wrapper.get('section > [role=status]').text()).toBe('Blueprint “Refund approval” saved.');
  });

  it('removes a transition and needs at least one', async () => {
    const { wrapper } = await editRefund();
    await wrapper.get('button[aria-label="Remove Open → Escalated"]').trigger('click');
    await wrapper.get('button[aria-label="Remove Escalated → Closed"]').trigger('click');
    expect(rows(wrapper)).toHaveLength(0);
    expect(wrapper.get('#blueprint-blockers').text()).toContain('R-BULK-15: A blueprint needs at least one transition.');
    expect(save(wrapper).attributes('disabled')).toBeDefined();
  });

  it('keeps the edits and shows the reason when the server refuses a new blueprint', async () => {
    const { wrapper, calls } = renderEditor({
      'blueprints.create': () => {
        throw new Refusal({ code: 'CONFLICT', message: 'Department Support already has a blueprint named "Refund approval"; pick another name.' });
      },
    });
    await flushPromises();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'New blueprint')!
      .trigger('click');
    await wrapper.get('form input').setValue('Refund approval');
    await wrapper.get('#transition-add').trigger('click');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toEqual({ op: 'blueprints.create', body: { departmentId: 1, name: 'Refund approval', transitions: [{ from: 'open', to: 'on_hold' }] } });
    expect(wrapper.get('form [role=alert]').text()).toContain('already has a blueprint named "Refund approval"');
    expect((wrapper.get('form input').element as HTMLInputElement).value).toBe('Refund approval');
    expect(rows(wrapper)).toHaveLength(1);
  });

  it('speaks Japanese on a Japanese browser, with the status names agents know', async () => {
    useLocale('ja');
    const { wrapper } = await editRefund();
    expect(wrapper.get('h2').text()).toBe('ブループリント');
    expect(summary(wrapper)[0]).toBe('未完了 → エスカレーション');
    expect(wrapper.text()).not.toMatch(/Open|Closed|Save/);
  });
});
