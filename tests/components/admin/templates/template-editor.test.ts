import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TemplateEditor from '../../../../components/admin/templates/TemplateEditor.vue';
import type { Template } from '../../../../core/schemas/template';
import { Refusal } from '../../fake-background';
import { SIGNED_IN, connectionStatus, fakeAdminBackground, heldAnswer, withPinia, type AdminAnswers } from '../../session-fixture';
import { useLocale } from '../../setup';

/** Signed in as Ada, who manages Support (1) but only works in Billing (2). */
const signedIn = connectionStatus([
  { id: 1, name: 'Support', permissions: ['ticket.view', 'settings.manage'] },
  { id: 2, name: 'Billing', role: { id: 2, name: 'Agent', kind: 'agent' }, permissions: ['ticket.view'] },
]);

const welcome: Template = { id: 7, departmentId: 1, name: 'Welcome', subject: 'Hello', body: 'Hi {{contact.name}}' };

function renderEditor(ops: AdminAnswers) {
  const calls = fakeAdminBackground(signedIn, ops);
  const wrapper = mount(TemplateEditor, { ...withPinia(), attachTo: document.body });
  return { wrapper, calls };
}

const listed = (items: Template[] = [welcome]) => ({ 'templates.list': () => ({ items }) });
const buttonNamed = (wrapper: ReturnType<typeof mount>, text: string) => wrapper.findAll('button').find((b) => b.text().includes(text))!;
const field = (wrapper: ReturnType<typeof mount>, label: string) =>
  wrapper
    .findAll('label')
    .find((l) => l.text().startsWith(label))!
    .find('input, textarea');

let current: ReturnType<typeof mount> | null = null;
afterEach(() => current?.unmount());

async function openNew(ops: AdminAnswers = listed(), label = 'New template') {
  const rendered = renderEditor(ops);
  current = rendered.wrapper;
  await flushPromises();
  await buttonNamed(rendered.wrapper, label).trigger('click');
  return rendered;
}

describe('TemplateEditor', () => {
  it('offers only departments with settings.manage and lists their templates', async () => {
    const { wrapper, calls } = renderEditor(listed());
    current = wrapper;
    await flushPromises();
    expect(
      wrapper
        .get('select')
        .findAll('option')
        .map((o) => o.text()),
    ).toEqual(['Support']);
    expect(calls[0]).toEqual({ op: 'templates.list', query: { departmentId: 1 } });
    expect(wrapper.text()).toContain('Welcome');
  });

  it('R-REPLY-2: previews subject and body with sample values as they are typed', async () => {
    const { wrapper } = await openNew();
    await field(wrapper, 'Subject').setValue('Re: {{ticket.subject}} #{{ticket.number}}');
    await field(wrapper, 'Body').setValue('Dear {{contact.name}},\n\n{{agent.name}} of {{department.name}}');
    expect(wrapper.get('[data-testid=preview-subject]').text()).toBe('Re: Cannot sign in to my account #1024');
    expect(wrapper.get('[data-testid=preview-text]').text()).toBe(`Dear Hanako Yamada,\n\n${SIGNED_IN.name} of Support`);
    await field(wrapper, 'Body').setValue('Dear {{contact.email}}');
    expect(wrapper.get('[data-testid=preview-text]').text()).toBe('Dear hanako.yamada@example.com');
  });

  it('shows an HTML body only in a sandboxed frame, never as markup on the page', async () => {
    const { wrapper } = await openNew();
    await field(wrapper, 'Body').setValue('<p>Dear <b>{{contact.name}}</b></p><img src="https://t.example/x.gif">');
    const frame = wrapper.get('iframe');
    expect(frame.attributes('sandbox')).toBe('');
    expect(frame.attributes('srcdoc')).toContain('<p>Dear <b>Hanako Yamada</b></p>');
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.text()).toContain('<img>');
  });

  it('R-REPLY-2: flags an unknown placeholder at once and will not save it', async () => {
    const { wrapper } = await openNew();
    await field(wrapper, 'Name').setValue('Refund');
    await field(wrapper, 'Body').setValue('Hi {{contact.nme}}');
    const alert = wrapper.get('[role=alert]');
    expect(alert.text()).toContain('R-REPLY-2');
    expect(alert.text()).toContain('{{contact.nme}}');
    expect(field(wrapper, 'Body').attributes('aria-invalid')).toBe('true');
    expect(buttonNamed(wrapper, 'Save template').attributes('disabled')).toBeDefined();
  });

  it('inserts a placeholder where the cursor is', async () => {
    const { wrapper } = await openNew();
    const body = field(wrapper, 'Body');
    await body.setValue('Hello !');
    const element = body.element as HTMLTextAreaElement;
    element.setSelectionRange(6, 6);
    await body.trigger('focus');
    await buttonNamed(wrapper, '{{contact.name}}').trigger('click');
    await flushPromises();
    expect(element.value).toBe('Hello {{contact.name}}!');
    expect(wrapper.get('[data-testid=preview-text]').text()).toBe('Hello Hanako Yamada!');
  });

  it('creates a template with exactly what was typed', async () => {
    const created: Template = { id: 9, departmentId: 1, name: 'Refund', subject: 'Your refund', body: 'Done, {{contact.name}}.' };
    const { wrapper, calls } = await openNew({ ...listed(), 'templates.create': () => created });
    await field(wrapper, 'Name').setValue('Refund');
    await field(wrapper, 'Subject').setValue('Your refund');
    await field(wrapper, 'Body').setValue('Done, {{contact.name}}.');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toEqual({ op: 'templates.create', body: { departmentId: 1, name: 'Refund', subject: 'Your refund', body: 'Done, {{contact.name}}.' } });
    expect(wrapper.get('[role=status]').text()).toBe('Template “Refund” saved.');
  });

  it('keeps the edits and shows the reason when a save is refused; sends only what changed', async () => {
    const { wrapper, calls } = renderEditor({
      ...listed(),
      'templates.update': () => {
        throw new Refusal({ code: 'CONFLICT', message: 'Department Support already has a template named "Refund"; pick another name.' });
      },
    });
    current = wrapper;
    await flushPromises();
    await buttonNamed(wrapper, 'Edit').trigger('click');
    await field(wrapper, 'Name').setValue('Refund');
    await field(wrapper, 'Body').setValue('Hi {{contact.name}}, again');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toEqual({ op: 'templates.update', params: { id: 7 }, body: { name: 'Refund', body: 'Hi {{contact.name}}, again' } });
    expect(wrapper.get('form [role=alert]').text()).toContain('already has a template named "Refund"');
    expect((field(wrapper, 'Name').element as HTMLInputElement).value).toBe('Refund');
    expect((field(wrapper, 'Body').element as HTMLTextAreaElement).value).toBe('Hi {{contact.name}}, again');
  });

  it('deletes after a confirmation, and shows the server’s reason when it refuses', async () => {
    const { wrapper } = renderEditor({
      ...listed(),
      'templates.remove': () => {
        throw new Refusal({ code: 'CONFLICT', rule: 'R-BULK-14', message: 'Template "Welcome" is used by macro "Greet"; change that macro first.' });
      },
    });
    current = wrapper;
    await flushPromises();
    await wrapper.get('button[aria-label="Delete “Welcome”"]').trigger('click');
    expect(wrapper.text()).toContain('Delete template “Welcome”?');
    await flushPromises();
    expect(document.activeElement?.id).toBe('template-confirm-7');
    await wrapper.get('#template-confirm-7').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).toBe('Template "Welcome" is used by macro "Greet"; change that macro first.');
    expect(wrapper.text()).toContain('Welcome');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Delete “Welcome”');
  });

  it('keeps focus on the confirm button while a delete is out, ignores a second press, then moves onto the list', async () => {
    const answer = heldAnswer<{ id: number; removed: true }>();
    const { wrapper, calls } = renderEditor({ ...listed(), 'templates.remove': () => answer.promise });
    current = wrapper;
    await flushPromises();
    await wrapper.get('button[aria-label="Delete “Welcome”"]').trigger('click');
    await flushPromises();
    const confirm = wrapper.get('#template-confirm-7');
    await confirm.trigger('click');
    expect(confirm.attributes('aria-disabled')).toBe('true');
    expect(confirm.attributes('disabled')).toBeUndefined();
    expect(document.activeElement).toBe(confirm.element);
    await confirm.trigger('click');
    expect(calls.filter((c) => c.op === 'templates.remove')).toHaveLength(1);
    answer.release({ id: 7, removed: true });
    await flushPromises();
    expect(wrapper.get('[role=status]').text()).toBe('Template “Welcome” deleted.');
    expect(document.activeElement?.id).toBe('template-items');
  });

  it('speaks Japanese on a Japanese browser', async () => {
    useLocale('ja');
    const { wrapper } = await openNew(listed(), '新しいテンプレート');
    expect(wrapper.get('h2').text()).toBe('返信テンプレート');
    expect(wrapper.get('h3').text()).toBe('新しいテンプレート');
    expect(wrapper.get('legend').text()).toBe('プレースホルダーを挿入');
  });
});
