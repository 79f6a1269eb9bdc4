import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import TrashList from '../../../components/dashboard/TrashList.vue';
import type { TrashItem } from '../../../core/schemas/admin';
import { fakeBackground, Refusal, type Answers } from '../fake-background';
import { connectionStatus } from '../session-fixture';
import { buttonNamed, reasonOf } from '../inbox/ticket/work-buttons';
import { ticketOf } from '../inbox/ticket/work-fixture';

const DAY = 24 * 3600_000;
const trashed = (id: number, number: number, departmentId: number, daysAgo: number): TrashItem => {
  const trashedAt = new Date(Date.now() - daysAgo * DAY).toISOString();
  return { ticket: ticketOf({ id, number, departmentId, subject: `Question ${number}`, trashedAt }), purgeAt: new Date(Date.parse(trashedAt) + 60 * DAY).toISOString() };
};

/** Issue 22, item 7: the popup's Trash tab, R-BULK-11. Ada may restore in Support (1), only view in Billing (2). */
function trashTab(items: TrashItem[], answers: Answers = {}) {
  const received = fakeBackground({
    'connection.status': () =>
      connectionStatus([
        { id: 1, name: 'Support', permissions: ['ticket.view', 'ticket.delete'] },
        { id: 2, name: 'Billing', permissions: ['ticket.view'] },
      ]),
    'directory.get': () => ({ departments: [], agents: [], teams: [] }),
    'trash.list': () => ({ items }),
    ...answers,
  });
  return { wrapper: mount(TrashList, { global: { plugins: [createPinia()] } }), received };
}

const rows = (wrapper: ReturnType<typeof trashTab>['wrapper']) => wrapper.findAll('li');

describe('the popup Trash tab', () => {
  it("lists the trashed tickets of the agent's departments with their days left, each with Restore or why not", async () => {
    const { wrapper } = trashTab([trashed(61, 1261, 1, 10), trashed(62, 1262, 2, 59)]);
    await flushPromises();
    const [support, billing] = rows(wrapper);
    expect(support!.text()).toContain('#1261 Question 1261');
    expect(support!.text()).toContain('Support · purged in 50 days');
    expect(reasonOf(support!, buttonNamed(support!, 'Restore'))).toBeNull();
    expect(billing!.text()).toContain('Billing · purged in 1 day');
    expect(reasonOf(billing!, buttonNamed(billing!, 'Restore'))).toBe('Restoring needs the permission ticket.delete in this department.');
  });

  it('Restore shows progress, takes the ticket off the list and says which came back', async () => {
    const { wrapper, received } = trashTab([trashed(61, 1261, 1, 10)], { 'trash.restore': ({ id }) => ticketOf({ id, number: 1261, trashedAt: null }) });
    await flushPromises();
    await buttonNamed(rows(wrapper)[0]!, 'Restore').trigger('click');
    expect(wrapper.get('[role=status]').text()).toBe('Restoring…');
    await flushPromises();
    expect(received.filter((m) => m.type === 'trash.restore').map((m) => m.payload)).toEqual([{ id: 61 }]);
    expect(rows(wrapper)).toHaveLength(0);
    expect(wrapper.text()).toContain('The trash of your departments is empty.');
    expect(wrapper.get('[role=status]').text()).toBe('Ticket #1261 was restored.');
  });

  it('says why a restore was refused, and why the trash could not be read', async () => {
    const refusal = 'Ticket #1261 is not in the trash; there is nothing to restore.';
    const { wrapper } = trashTab([trashed(61, 1261, 1, 10)], {
      'trash.restore': () => {
        throw new Refusal({ code: 'CONFLICT', message: refusal });
      },
    });
    await flushPromises();
    await buttonNamed(rows(wrapper)[0]!, 'Restore').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role=status]').text()).toBe(refusal);
    expect(rows(wrapper)).toHaveLength(1);
    wrapper.unmount();
    const unreadable = trashTab([], {
      'trash.list': () => {
        throw new Refusal({ code: 'INTERNAL', message: 'Cannot reach the backend at https://desk.example.com.' });
      },
    });
    await flushPromises();
    expect(unreadable.wrapper.get('[role=status]').text()).toBe('Cannot reach the backend at https://desk.example.com.');
  });
});
