import { flushPromises, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import MacroEditor from '../../../../components/admin/macros/MacroEditor.vue';
import type { Macro, Template } from '../../../../core/schemas/template';
import { Refusal } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, withPinia, type AdminAnswers } from '../../session-fixture';

/** Signed in as someone who manages Support (1). */
const signedIn = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view', 'settings.manage'] }]);

const welcome: Template = { id: 7, departmentId: 1, name: 'Welcome', subject: 'Hello', body: 'Hi {{contact.name}}' };
const fifty: Macro = { id: 3, departmentId: 1, name: 'Long', steps: Array.from({ length: 50 }, () => ({ type: 'set_status' as const, status: 'open' as const })) };
const escalate: Macro = { id: 4, departmentId: 1, name: 'Escalate', steps: [{ type: 'set_status', status: 'escalated' }] };

let current: VueWrapper | null = null;

function renderEditor(ops: AdminAnswers = {}) {
  const calls = fakeAdminBackground(signedIn, { 'macros.list': () => ({ items: [fifty, escalate] }), 'templates.list': () => ({ items: [welcome] }), ...ops });
  current = mount(MacroEditor, { ...withPinia(), attachTo: document.body });
  return { wrapper: current, calls };
}

const button = (within: VueWrapper | DOMWrapper<Element>, text: string) => within.findAll('button').find((b) => b.text().includes(text))!;
const steps = (wrapper: VueWrapper) => wrapper.findAll('.steps > ol > li');
const labelled = (within: DOMWrapper<Element>, label: string) =>
  within
    .findAll('label')
    .find((l) => l.text().startsWith(label))!
    .find('input, select, textarea');

async function addStep(wrapper: VueWrapper, type: string) {
  await wrapper.get('#macro-step-type').setValue(type);
  await button(wrapper, 'Add step').trigger('click');
  return steps(wrapper).at(-1)!;
}

async function openNew(name: string) {
  const rendered = renderEditor();
  await flushPromises();
  await button(rendered.wrapper, 'New macro').trigger('click');
  await rendered.wrapper.get('form input').setValue(name);
  return rendered;
}

afterEach(() => current?.unmount());

describe('MacroEditor', () => {
  it('lists the macros of the department and loads its templates for reply steps', async () => {
    const { wrapper, calls } = renderEditor();
    await flushPromises();
    expect(calls).toEqual([
      { op: 'macros.list', query: { departmentId: 1 } },
      { op: 'templates.list', query: { departmentId: 1 } },
    ]);
    expect(wrapper.text()).toContain('Escalate');
  });

  it('R-BULK-14: adds steps of every type, moves and removes them, and saves exactly that list', async () => {
    const { wrapper, calls } = await openNew('Triage');
    await labelled(await addStep(wrapper, 'set_status'), 'New status').setValue('escalated');
    expect(
      labelled(steps(wrapper)[0]!, 'New status')
        .findAll('option')
        .map((o) => o.text()),
    ).toContain('Waiting on customer');
    await labelled(await addStep(wrapper, 'send_reply'), 'Template').setValue('7');
    const comment = await addStep(wrapper, 'add_comment');
    await labelled(comment, 'Visibility').setValue('public');
    await labelled(comment, 'Comment').setValue('We are on it.');
    const task = await addStep(wrapper, 'create_task');
    await labelled(task, 'Task title').setValue('Call back');
    await labelled(task, 'Due in').setValue('3');
    const fields = await addStep(wrapper, 'set_fields');
    await labelled(fields, 'Field').setValue('plan');
    await labelled(fields, 'Value').setValue('gold');

    await wrapper.get('button[aria-label="Move step 5 up"]').trigger('click');
    await wrapper.get('button[aria-label="Remove step 1"]').trigger('click');
    await wrapper.get('button[aria-label="Move step 2 up"]').trigger('click');
    await flushPromises();
    // Keyboard users stay on the step they moved; at the top "up" is off, so focus goes to "down".
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move step 1 down');
    expect(wrapper.get('.steps [role=status]').text()).toBe('Step “Add a comment” is now step 1 of 4.');
    expect(steps(wrapper).map((s) => s.get('legend').text())).toEqual([
      'Step 1: Add a comment',
      'Step 2: Send a reply from a template',
      'Step 3: Set fields',
      'Step 4: Create a follow-up task',
    ]);

    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toEqual({
      op: 'macros.create',
      body: {
        departmentId: 1,
        name: 'Triage',
        steps: [
          { type: 'add_comment', visibility: 'public', body: 'We are on it.' },
          { type: 'send_reply', templateId: 7 },
          { type: 'set_fields', fields: { plan: 'gold' } },
          { type: 'create_task', title: 'Call back', dueInDays: 3 },
        ],
      },
    });
  });

  it('R-BULK-14: a macro without steps cannot be saved, nor one with an unfinished step', async () => {
    const { wrapper } = await openNew('Empty');
    const save = () => button(wrapper, 'Save macro');
    expect(save().attributes('disabled')).toBeDefined();
    expect(wrapper.get('#macro-blockers').text()).toContain('R-BULK-14: A macro needs at least one step.');
    const reply = await addStep(wrapper, 'send_reply');
    expect(reply.text()).toContain('Choose a template.');
    expect(wrapper.get('#macro-blockers').text()).toContain('Step 1 is not finished.');
    expect(save().attributes('disabled')).toBeDefined();
    await labelled(reply, 'Template').setValue('7');
    expect(save().attributes('disabled')).toBeUndefined();
  });

  it('R-BULK-14: at 50 steps the add button is off and says why', async () => {
    const { wrapper } = renderEditor();
    await flushPromises();
    await wrapper.get('button[aria-label="Edit “Long”"]').trigger('click');
    const add = button(wrapper, 'Add step');
    expect(add.attributes('disabled')).toBeDefined();
    expect(wrapper.get(`#${add.attributes('aria-describedby')}`).text()).toBe('R-BULK-14: A macro has at most 50 steps. Remove one to add another.');
    expect(wrapper.get('.steps > legend').text()).toBe('Steps (50 of at most 50)');
    await wrapper.get('button[aria-label="Remove step 50"]').trigger('click');
    expect(button(wrapper, 'Add step').attributes('disabled')).toBeUndefined();
    await addStep(wrapper, 'set_status');
    expect(steps(wrapper)).toHaveLength(50);
    expect(button(wrapper, 'Add step').attributes('disabled')).toBeDefined();
  });

  it('keeps the edits and shows the rule when the server refuses a save; sends only what changed', async () => {
    const { wrapper, calls } = renderEditor({
      'macros.update': () => {
        throw new Refusal({
          code: 'RULE_VIOLATION',
          rule: 'R-BULK-14',
          message: 'A macro of department Support can only reply with templates of department Support; template 7 is not one of them.',
        });
      },
    });
    await flushPromises();
    await wrapper.get('button[aria-label="Edit “Escalate”"]').trigger('click');
    await labelled(await addStep(wrapper, 'send_reply'), 'Template').setValue('7');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toEqual({
      op: 'macros.update',
      params: { id: 4 },
      body: {
        steps: [
          { type: 'set_status', status: 'escalated' },
          { type: 'send_reply', templateId: 7 },
        ],
      },
    });
    expect(wrapper.get('form [role=alert]').text()).toBe('A macro of department Support can only reply with templates of department Support; template 7 is not one of them.');
    expect(steps(wrapper)).toHaveLength(2);
    expect((labelled(steps(wrapper)[1]!, 'Template').element as HTMLSelectElement).value).toBe('7');
  });
});
