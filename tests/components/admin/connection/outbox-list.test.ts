import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import OutboxList from '../../../../components/admin/connection/OutboxList.vue';
import { fakeBackground } from '../../fake-background';
import { useLocale } from '../../setup';

const failed = {
  id: 'k1',
  kind: 'create_ticket' as const,
  label: 'Create ticket "Refund"',
  status: 'failed' as const,
  attempts: 3,
  lastError: 'R-PERM-5: no',
  createdAt: '2026-12-01T00:00:00Z',
};

describe('OutboxList', () => {
  it('lists a refused write with its reason and retries it', async () => {
    const received = fakeBackground({ 'outbox.list': () => ({ items: [failed] }), 'outbox.retry': () => ({ ok: true }) });
    const wrapper = mount(OutboxList);
    await flushPromises();
    expect(wrapper.text()).toContain('Create ticket "Refund"');
    expect(wrapper.text()).toContain('R-PERM-5: no');
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(received.map((m) => m.type)).toContain('outbox.retry');
    wrapper.unmount();
  });

  it('speaks Japanese on a Japanese browser', async () => {
    useLocale('ja');
    fakeBackground({ 'outbox.list': () => ({ items: [] }) });
    const wrapper = mount(OutboxList);
    await flushPromises();
    expect(wrapper.get('h2').text()).not.toBe('');
    expect(wrapper.get('h2').text()).not.toMatch(/[A-Za-z]{6}/);
    wrapper.unmount();
  });
});
