import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import TicketNotes from '../../../../components/inbox/ticket/TicketNotes.vue';
import type { Comment } from '../../../../core/schemas/thread';
import { fakeBackground, Refusal, type Answers } from '../../fake-background';
import { connectionStatus, SIGNED_IN } from '../../session-fixture';
import { inboxPage } from '../inbox-fixture';
import { buttonNamed, reasonOf } from './work-buttons';
import { commentOf } from './work-fixture';

/** Issue 22, item 3: notes (private by default) and public comments in the panel. The agent is #1. */
function notes(comments: Comment[], answers: Answers = {}, options: { admin?: boolean } = {}) {
  const { pinia, session } = inboxPage({});
  session.directory = {
    departments: [],
    agents: [
      { ...SIGNED_IN, departmentIds: [1] },
      { id: 2, email: 'aiko@acme.test', name: 'Aiko Tanaka', active: true, departmentIds: [1] },
    ],
    teams: [],
  };
  if (options.admin) session.status = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view', 'ticket.edit', 'settings.manage'] }]);
  const list = [...comments];
  const received = fakeBackground({ 'tickets.timeline': () => ({ threads: [], comments: list }), ...answers });
  const wrapper = mount(TicketNotes, { props: { ticketId: 60, departmentId: 1, version: 3 }, global: { plugins: [pinia] } });
  return { wrapper, received, list };
}

const sent = (received: { type: string; payload: unknown }[], type: string) => received.filter((m) => m.type === type).map((m) => m.payload);

describe('the panel: notes and public comments', () => {
  it('Add note says why it cannot work while the box is empty, and sends nothing', async () => {
    const { wrapper, received } = notes([]);
    await flushPromises();
    expect(wrapper.text()).toContain('No notes or comments yet.');
    const add = buttonNamed(wrapper, 'Add note');
    expect(reasonOf(wrapper, add)).toBe('Write something first.');
    await add.trigger('click');
    expect(sent(received, 'comments.add')).toEqual([]);
  });

  it('Add note writes a private note unless the agent picks public, shows progress, then the note and the result', async () => {
    const { wrapper, received, list } = notes([], {
      'comments.add': ({ visibility, body }) => {
        const added = commentOf({ id: list.length + 1, visibility, body });
        list.push(added);
        return added;
      },
    });
    await flushPromises();
    await wrapper.get('textarea').setValue('Customer called, is upset');
    await buttonNamed(wrapper, 'Add note').trigger('click');
    expect(wrapper.get('[role=status]').text()).toBe('Adding…');
    await flushPromises();
    expect(sent(received, 'comments.add')).toEqual([{ ticketId: 60, visibility: 'private', body: 'Customer called, is upset' }]);
    expect(wrapper.get('[role=status]').text()).toBe('Added.');
    expect(wrapper.get('.notes li.private').text()).toContain('Customer called, is upset');
    expect(wrapper.emitted('changed')).toHaveLength(1);

    await wrapper.get('textarea').setValue('A fix ships Friday.');
    await wrapper.get('select').setValue('public');
    await buttonNamed(wrapper, 'Add note').trigger('click');
    await flushPromises();
    expect(sent(received, 'comments.add').at(-1)).toEqual({ ticketId: 60, visibility: 'public', body: 'A fix ships Friday.' });
    // R-CC-5: the agent learns that the CCs hear of it.
    expect(wrapper.get('[role=status]').text()).toBe('Added; the secondary contacts (CC) are told by e-mail.');
    expect(wrapper.get('.notes li.public').text()).toContain('Public');
  });

  it("shows the server's refusal and keeps the text", async () => {
    const { wrapper } = notes([], {
      'comments.add': () => {
        throw new Refusal({ code: 'CONFLICT', message: 'Ticket #1260 is in the trash; restore it before commenting.' });
      },
    });
    await flushPromises();
    await wrapper.get('textarea').setValue('hello');
    await buttonNamed(wrapper, 'Add note').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role=status]').text()).toBe('Ticket #1260 is in the trash; restore it before commenting.');
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('hello');
  });

  it("edits and deletes the agent's own note; another agent's note says who may change it", async () => {
    const mine = commentOf({ id: 1, body: 'Mine' });
    const theirs = commentOf({ id: 2, body: 'Theirs', authorAgentId: 2 });
    const { wrapper, received, list } = notes([mine, theirs], {
      'comments.edit': ({ commentId, body }) => {
        const edited = { ...list.find((c) => c.id === commentId)!, body, editedAt: '2026-11-03T12:00:00.000Z' };
        list.splice(list.indexOf(list.find((c) => c.id === commentId)!), 1, edited);
        return edited;
      },
      'comments.remove': ({ commentId }) => list.splice(list.indexOf(list.find((c) => c.id === commentId)!), 1)[0]!,
    });
    await flushPromises();
    expect(reasonOf(wrapper, buttonNamed(wrapper, 'Edit comment of Aiko Tanaka'))).toBe('Only its author or an admin of the department can change this comment.');
    expect(reasonOf(wrapper, buttonNamed(wrapper, 'Delete comment of Aiko Tanaka'))).toBe('Only its author or an admin of the department can change this comment.');

    await buttonNamed(wrapper, 'Edit comment of Ada Admin').trigger('click');
    await wrapper.get('.note-edit textarea').setValue('Mine, edited');
    await wrapper.get('.note-edit').trigger('submit');
    await flushPromises();
    expect(sent(received, 'comments.edit')).toEqual([{ ticketId: 60, commentId: 1, body: 'Mine, edited' }]);
    expect(wrapper.text()).toContain('Mine, edited');
    expect(wrapper.text()).toContain('(edited)');

    await buttonNamed(wrapper, 'Delete comment of Ada Admin').trigger('click');
    await flushPromises();
    expect(sent(received, 'comments.remove')).toEqual([{ ticketId: 60, commentId: 1 }]);
    expect(wrapper.get('[role=status]').text()).toBe('Deleted.');
    expect(wrapper.text()).not.toContain('Mine');
  });

  it("an admin of the department may change another agent's note", async () => {
    const { wrapper } = notes([commentOf({ id: 2, body: 'Theirs', authorAgentId: 2 })], {}, { admin: true });
    await flushPromises();
    expect(reasonOf(wrapper, buttonNamed(wrapper, 'Edit comment of Aiko Tanaka'))).toBeNull();
  });
});
