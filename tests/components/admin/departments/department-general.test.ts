import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import DepartmentGeneral from '../../../../components/admin/departments/DepartmentGeneral.vue';
import { ALL_PERMISSIONS } from '../../../../core/rules/permissions';
import type { DepartmentMail } from '../../../../core/schemas/admin';
import { defaultDepartmentFeatures, type Department } from '../../../../core/schemas/department';
import { Refusal, type Answers } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, withPinia, type AdminAnswers, type DepartmentGrant } from '../../session-fixture';
import { useLocale } from '../../setup';

const department = (id: number, name: string): Department => ({
  id,
  name,
  supportAddresses: [`${name.toLowerCase()}@example.com`],
  fromAddresses: [`${name.toLowerCase()}@example.com`],
  helpCenter: false,
  features: defaultDepartmentFeatures,
});
const support = department(10, 'Support');
const sales = department(20, 'Sales');
const grants: DepartmentGrant[] = [
  { id: 10, name: 'Support', permissions: [...ALL_PERMISSIONS] },
  { id: 20, name: 'Sales', permissions: ['ticket.view'] },
];
const ownSmtp: DepartmentMail = { departmentId: 10, smtp: { host: 'smtp.example.com', port: 465, secure: true, user: 'mailer' }, fromAddresses: ['support@example.com'] };

function mailAfter(body: { smtpUrl?: string | null; fromAddresses?: string[] }): DepartmentMail {
  const smtp = body.smtpUrl === null ? null : body.smtpUrl ? { host: new URL(body.smtpUrl).hostname, port: 587, secure: false, user: 'new' } : ownSmtp.smtp;
  return { ...ownSmtp, smtp, fromAddresses: body.fromAddresses ?? ownSmtp.fromAddresses };
}

async function mountGeneral(ops: AdminAnswers = {}, list = () => [support, sales], grantsNow = () => grants, others: Answers = {}) {
  const calls = fakeAdminBackground(
    connectionStatus(grants),
    { 'departments.mail': () => ownSmtp, 'departments.setMail': (call) => mailAfter(call.body as object), ...ops },
    { 'departments.list': () => ({ items: list() }), 'connection.status': () => connectionStatus(grantsNow()), ...others },
  );
  const wrapper = mount(DepartmentGeneral, withPinia());
  await flushPromises();
  return { calls, wrapper };
}

const box = (wrapper: VueWrapper, legend: string) => wrapper.findAll('section > fieldset').find((f) => f.get('legend').text() === legend)!;
const mailForm = (wrapper: VueWrapper) => box(wrapper, 'Support').findAll('form')[1]!;

describe('DepartmentGeneral', () => {
  it('offers only departments the agent manages', async () => {
    const { wrapper } = await mountGeneral();
    expect(wrapper.findAll('section > fieldset').map((f) => f.get('legend').text())).toEqual(['Support']);
    wrapper.unmount();
  });

  it('renames a department and sets its support addresses, checking their syntax before sending', async () => {
    const { wrapper, calls } = await mountGeneral({ 'departments.update': (call) => ({ ...support, ...(call.body as object) }) });
    const form = box(wrapper, 'Support').get('form');
    await form.get('input').setValue('Customer care');
    await form.get('textarea').setValue('care@example.com\nhelp@example');
    await form.trigger('submit');
    await flushPromises();
    expect(form.get('[role="alert"]').text()).toBe('Not an e-mail address: help@example');
    expect(calls.some((c) => c.op === 'departments.update')).toBe(false);
    await form.get('textarea').setValue('care@example.com\nhelp@example.com');
    await form.trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'departments.update')).toMatchObject({
      params: { id: 10 },
      body: { name: 'Customer care', supportAddresses: ['care@example.com', 'help@example.com'] },
    });
    expect(form.get('[role="status"]').text()).toBe('Customer care saved.');
    wrapper.unmount();
  });

  it('shows the SMTP server without its password and replaces it with a new URL', async () => {
    const { wrapper, calls } = await mountGeneral();
    const form = mailForm(wrapper);
    expect(form.text()).toContain('Now: smtps://mailer@smtp.example.com:465 (the password stays on the server)');
    const url = form.get<HTMLInputElement>('input[id$="smtp-url"]');
    expect(url.element.value).toBe('');
    await url.setValue('smtp://me:secret@relay example.com');
    await form.trigger('submit');
    await flushPromises();
    expect(form.get('[role="alert"]').text()).toContain('That is not an SMTP server address');
    expect(calls.some((c) => c.op === 'departments.setMail')).toBe(false);
    await url.setValue('smtp://me:secret@relay.example.com:587');
    await form.trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'departments.setMail')).toMatchObject({ params: { id: 10 }, body: { smtpUrl: 'smtp://me:secret@relay.example.com:587' } });
    expect(form.get<HTMLInputElement>('input[id$="smtp-url"]').element.value).toBe('');
    expect(wrapper.html()).not.toContain('secret');
    expect(form.get('[role="status"]').text()).toBe('Support: outgoing mail saved.');
    wrapper.unmount();
  });

  it('goes back to the server default and changes the from-addresses', async () => {
    const { wrapper, calls } = await mountGeneral();
    const form = mailForm(wrapper);
    await form.findAll('input[type="radio"]')[0]!.setValue(true);
    await form.get('textarea').setValue('support@example.com\nnoreply@example.com');
    await form.trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'departments.setMail')!.body).toEqual({ fromAddresses: ['support@example.com', 'noreply@example.com'], smtpUrl: null });
    expect(form.text()).toContain('Now: the server default.');
    await form.get('textarea').setValue('');
    await form.trigger('submit');
    expect(form.get('[role="alert"]').text()).toBe('Enter at least one from-address.');
    wrapper.unmount();
  });

  it("shows the server's refusal with its rule, keeping what was typed", async () => {
    const { wrapper } = await mountGeneral({
      'departments.setMail': () => {
        throw new Refusal({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: 'You need the permission settings.manage in department Support.' });
      },
    });
    const form = mailForm(wrapper);
    await form.get('input[id$="smtp-url"]').setValue('smtps://me:pw@mail.example.com:465');
    await form.trigger('submit');
    await flushPromises();
    expect(form.get('[role="alert"]').text()).toBe('You need the permission settings.manage in department Support.');
    expect(form.get<HTMLInputElement>('input[id$="smtp-url"]').element.value).toBe('smtps://me:pw@mail.example.com:465');
    wrapper.unmount();
  });

  it('creates a department, and syncs so the session knows the role there and lists it at once', async () => {
    let created = false;
    // The background learns the agent's role in the new department on its next sync (which refreshes /me).
    let synced = false;
    const billing = department(30, 'Billing');
    const { wrapper, calls } = await mountGeneral(
      { 'departments.create': () => ((created = true), billing) },
      () => (created ? [support, sales, billing] : [support, sales]),
      () => (synced ? [...grants, { id: 30, name: 'Billing', permissions: [...ALL_PERMISSIONS] }] : grants),
      { 'sync.now': () => ((synced = created), { changed: 0 }) },
    );
    const form = wrapper.get('section > form');
    await form.get('input').setValue('Billing');
    const [supportBox, fromBox] = form.findAll('textarea');
    await supportBox!.setValue('billing@example.com');
    await fromBox!.setValue('not-an-address');
    await form.trigger('submit');
    await flushPromises();
    expect(form.get('[role="alert"]').text()).toBe('Not an e-mail address: not-an-address');
    await fromBox!.setValue('billing@example.com');
    await form.trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.op === 'departments.create')!.body).toEqual({ name: 'Billing', supportAddresses: ['billing@example.com'], fromAddresses: ['billing@example.com'] });
    expect(wrapper.get('section > form [role="status"]').text()).toBe('Department Billing created.');
    expect(wrapper.findAll('section > fieldset').map((f) => f.get('legend').text())).toEqual(['Support', 'Billing']);
    wrapper.unmount();
  });

  it('still lists the departments it knows when the sync after creating one fails', async () => {
    const billing = department(30, 'Billing');
    const { wrapper } = await mountGeneral({ 'departments.create': () => billing }, undefined, undefined, {
      'sync.now': () => {
        throw new Refusal({ code: 'INTERNAL', message: 'The backend cannot be reached.' });
      },
    });
    const form = wrapper.get('section > form');
    await form.get('input').setValue('Billing');
    await form.findAll('textarea')[1]!.setValue('billing@example.com');
    await form.trigger('submit');
    await flushPromises();
    expect(wrapper.get('section > form [role="status"]').text()).toBe('Department Billing created.');
    expect(wrapper.find('section > [role="alert"]').exists()).toBe(false);
    expect(wrapper.findAll('section > fieldset').map((f) => f.get('legend').text())).toEqual(['Support']);
    wrapper.unmount();
  });

  it('speaks Japanese', async () => {
    useLocale('ja');
    const { wrapper } = await mountGeneral();
    expect(wrapper.get('h2').text()).toBe('部門、アドレス、送信メール');
    expect(mailForm(wrapper).get('legend').text()).toBe('送信メール');
    wrapper.unmount();
  });
});
