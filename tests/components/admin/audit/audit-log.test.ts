import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import AuditLog from '../../../../components/admin/audit/AuditLog.vue';
import { ALL_PERMISSIONS } from '../../../../core/rules/permissions';
import type { AuditEvent } from '../../../../core/schemas/audit';
import { Refusal } from '../../fake-background';
import { connectionStatus, fakeAdminBackground, withPinia } from '../../session-fixture';
import { useLocale } from '../../setup';

const status = connectionStatus([{ id: 10, name: 'Support', permissions: [...ALL_PERMISSIONS] }]);
const base = { actorId: 1, actorName: 'Ada Admin', agentId: 2, agentName: 'Bo Berg', roleId: null, tokenId: 5, departmentIds: [10] };
const created: AuditEvent = { ...base, id: 3, at: '2026-02-01T10:00:00Z', action: 'token.created', details: { label: 'Laptop', expiresAt: null } };
const revoked: AuditEvent = {
  ...base,
  id: 4,
  at: '2026-02-02T10:00:00Z',
  action: 'token.revoked',
  actorName: null,
  actorId: null,
  details: { label: 'Laptop', reason: 'creator_out_of_reach' },
};
const role: AuditEvent = {
  ...base,
  id: 2,
  at: '2026-01-01T10:00:00Z',
  action: 'role.permissions_changed',
  agentId: null,
  agentName: null,
  tokenId: null,
  roleId: 7,
  details: { name: 'Helper' },
};

async function mountLog() {
  const wrapper = mount(AuditLog, withPinia());
  await flushPromises();
  return wrapper;
}

const rows = (wrapper: Awaited<ReturnType<typeof mountLog>>) => wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));

describe('AuditLog', () => {
  it('lists who did what to whom, newest first, with why a token stopped, and pages to older changes', async () => {
    const calls = fakeAdminBackground(status, {
      'audit.list': (call) => (call.query?.before === undefined ? { items: [revoked, created], nextBefore: 3 } : { items: [role], nextBefore: null }),
    });
    const wrapper = await mountLog();
    expect(calls.find((c) => c.op === 'audit.list')!.query).toEqual({ limit: 50 });
    const [first, second] = rows(wrapper);
    expect(first!.slice(1)).toEqual(['The server', 'Revoked token "Laptop" (whoever created it no longer manages the agent)', 'Bo Berg', 'Support']);
    expect(second!.slice(1)).toEqual(['Ada Admin', 'Created token "Laptop"', 'Bo Berg', 'Support']);
    expect(wrapper.get('time').attributes('datetime')).toBe(revoked.at);

    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.op === 'audit.list').at(-1)!.query).toEqual({ limit: 50, before: 3 });
    expect(rows(wrapper)[2]!.slice(1, 3)).toEqual(['Ada Admin', 'Changed the permissions of role Helper']);
    expect(wrapper.find('button').exists()).toBe(false);
    wrapper.unmount();
  });

  it('says when nothing has changed, and shows a refusal in words', async () => {
    fakeAdminBackground(status, { 'audit.list': () => ({ items: [], nextBefore: null }) });
    const empty = await mountLog();
    expect(empty.text()).toContain('Nothing has been changed yet.');
    empty.unmount();

    fakeAdminBackground(status, {
      'audit.list': () => {
        throw new Refusal({ code: 'FORBIDDEN', rule: 'R-PERM-5', message: 'You need the permission settings.manage in at least one department.' });
      },
    });
    const refused = await mountLog();
    expect(refused.get('[role="alert"]').text()).toContain('settings.manage');
    refused.unmount();
  });

  it('speaks Japanese', async () => {
    useLocale('ja');
    fakeAdminBackground(status, { 'audit.list': () => ({ items: [created], nextBefore: null }) });
    const wrapper = await mountLog();
    expect(wrapper.get('h2').text()).toBe('監査ログ');
    expect(rows(wrapper)[0]![2]).toBe('トークン「Laptop」を作成しました');
    wrapper.unmount();
    useLocale('en');
  });
});
