import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import UndeliveredMailList from '../../../../components/admin/mail-delivery/UndeliveredMailList.vue';
import { ALL_PERMISSIONS } from '../../../../core/rules/permissions';
import type { UndeliveredMail } from '../../../../core/schemas/mail-delivery';
import { connectionStatus, fakeAdminBackground, withPinia } from '../../session-fixture';
import { useLocale } from '../../setup';

const status = connectionStatus([
  { id: 10, name: 'Support', permissions: [...ALL_PERMISSIONS] },
  { id: 20, name: 'Billing', permissions: [...ALL_PERMISSIONS] },
]);
const base = { attempts: 6, ticketId: 5, jobId: null, updatedAt: '2026-02-01T10:00:00Z' };
const failed: UndeliveredMail = {
  ...base,
  source: 'outgoing',
  id: 1,
  kind: 'cc_notice',
  status: 'failed',
  to: ['cc@partner.test'],
  subject: '[#5] Printer',
  response: 'Not delivered after 6 attempts: connect ECONNREFUSED',
};
const uncertain: UndeliveredMail = {
  ...base,
  source: 'reply',
  id: 2,
  kind: 'reply',
  status: 'uncertain',
  to: ['bob@customer.test'],
  subject: 'Re: Printer',
  response: 'No answer after the message data was sent',
};

function server() {
  return fakeAdminBackground(status, {
    'mail.undelivered': (call) => ({ items: call.params!.id === 10 ? [failed, uncertain] : [] }),
    'mail.resendOutgoing': (call) => ({ source: 'outgoing', id: call.params!.id!, status: 'queued' }),
    'mail.resendReply': (call) => ({ source: 'reply', id: call.params!.id!, status: 'queued' }),
  });
}

async function mountList() {
  const wrapper = mount(UndeliveredMailList, withPinia());
  await flushPromises();
  return wrapper;
}

describe('UndeliveredMailList', () => {
  it("lists the first managed department's failed and uncertain mail with the server's answer", async () => {
    const calls = server();
    const wrapper = await mountList();
    expect(calls.find((c) => c.op === 'mail.undelivered')!.params).toEqual({ id: 10 });
    const rows = wrapper.findAll('li');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('CC notice · [#5] Printer');
    expect(rows[0]!.text()).toContain('To cc@partner.test · Failed · 6 attempts');
    expect(rows[0]!.text()).toContain('connect ECONNREFUSED');
    expect(rows[1]!.text()).toContain('Uncertain');
  });

  it('resends a failed message at once and takes it off the list', async () => {
    const calls = server();
    const wrapper = await mountList();
    await wrapper.findAll('li')[0]!.get('button').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.op === 'mail.resendOutgoing')).toMatchObject({ params: { id: 1 }, body: { confirmUncertain: false } });
    expect(wrapper.findAll('li')).toHaveLength(1);
    expect(wrapper.get('[role="status"]').text()).toBe('Queued again for cc@partner.test.');
  });

  it('asks before resending an uncertain one, saying the customer may already have it; Cancel sends nothing', async () => {
    const calls = server();
    const wrapper = await mountList();
    const row = () => wrapper.findAll('li')[1]!;
    await row().get('button').trigger('click');
    expect(calls.some((c) => c.op === 'mail.resendReply')).toBe(false);
    expect(row().get('[role="alert"]').text()).toContain('the customer may already have it');
    await row().findAll('button')[1]!.trigger('click');
    expect(row().find('[role="alert"]').exists()).toBe(false);
    await row().get('button').trigger('click');
    await row().get('button').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.op === 'mail.resendReply')).toMatchObject({ params: { id: 2 }, body: { confirmUncertain: true } });
  });

  it('switches department and speaks Japanese', async () => {
    useLocale('ja');
    server();
    const wrapper = await mountList();
    expect(wrapper.get('h2').text()).toBe('未到達のメール');
    await wrapper.get('select').setValue('20');
    await flushPromises();
    expect(wrapper.findAll('li')).toHaveLength(0);
    expect(wrapper.text()).toContain('この部門に未到達のメールはありません。');
  });
});
