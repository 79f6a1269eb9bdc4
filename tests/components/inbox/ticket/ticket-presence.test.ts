import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import TicketPresence from '../../../../components/inbox/ticket/TicketPresence.vue';
import { replyingTickets } from '../../../../components/inbox/reply/replying';
import { PRESENCE_BEAT_MS } from '../../../../composables/use-ticket-presence';
import type { PresenceEntry } from '../../../../core/schemas/presence';
import { fakeBackground, Refusal } from '../../fake-background';
import { useLocale } from '../../setup';

const AIKO: PresenceEntry = { agentId: 4, name: 'Aiko', state: 'replying', since: '2026-12-04T10:00:00Z' };
const BEN: PresenceEntry = { agentId: 5, name: 'Ben', state: 'viewing', since: '2026-12-04T09:59:00Z' };

/** Issue 22, item 9: the panel says who else has the ticket open or is replying, from a heartbeat every few seconds. */
describe('TicketPresence: collision detection in the ticket panel', () => {
  // A panel left mounted by an earlier test would still hear this one's page events.
  enableAutoUnmount(afterEach);
  afterEach(() => {
    vi.useRealTimers();
    replyingTickets.clear();
  });

  it('says who is replying (first) and who is viewing, from the heartbeat answer', async () => {
    const received = fakeBackground({ 'presence.beat': () => ({ available: true, items: [BEN, AIKO] }) });
    const wrapper = mount(TicketPresence, { props: { ticketId: 7 } });
    await flushPromises();
    expect(received[0]).toEqual({ type: 'presence.beat', payload: { ticketId: 7, state: 'viewing' } });
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['Aiko is replying', 'Ben is viewing this ticket']);
  });

  it('beats every few seconds, says replying while the composer has text, and leaves when unmounted', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let others: PresenceEntry[] = [];
    const received = fakeBackground({ 'presence.beat': () => ({ available: true, items: others }), 'presence.leave': () => ({ available: true, items: [] }) });
    const wrapper = mount(TicketPresence, { props: { ticketId: 7 } });
    await flushPromises();
    expect(wrapper.find('[data-testid=ticket-presence]').exists()).toBe(false);
    others = [AIKO];
    await vi.advanceTimersByTimeAsync(PRESENCE_BEAT_MS);
    await flushPromises();
    expect(PRESENCE_BEAT_MS).toBeLessThanOrEqual(5_000);
    expect(wrapper.text()).toBe('Aiko is replying');
    replyingTickets.add(7);
    await flushPromises();
    expect(received.at(-1)).toEqual({ type: 'presence.beat', payload: { ticketId: 7, state: 'replying' } });
    const beats = received.filter((m) => m.type === 'presence.beat').length;
    wrapper.unmount();
    await flushPromises();
    expect(received.at(-1)).toEqual({ type: 'presence.leave', payload: { ticketId: 7 } });
    await vi.advanceTimersByTimeAsync(3 * PRESENCE_BEAT_MS);
    expect(received.filter((m) => m.type === 'presence.beat').length).toBe(beats);
  });

  it('moving to another ticket leaves the first one and shows nobody from it', async () => {
    const received = fakeBackground({
      'presence.beat': ({ ticketId }) => ({ available: true, items: ticketId === 7 ? [AIKO] : [] }),
      'presence.leave': () => ({ available: true, items: [] }),
    });
    const wrapper = mount(TicketPresence, { props: { ticketId: 7 } });
    await flushPromises();
    expect(wrapper.text()).toBe('Aiko is replying');
    await wrapper.setProps({ ticketId: 8 });
    await flushPromises();
    expect(received.map((m) => m.type)).toEqual(['presence.beat', 'presence.leave', 'presence.beat']);
    expect(received[1]!.payload).toEqual({ ticketId: 7 });
    expect(wrapper.text()).toBe('');
  });

  it('leaving the page (tab closed, navigated away) leaves the ticket and stops the heartbeat', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const received = fakeBackground({ 'presence.beat': () => ({ available: true, items: [] }), 'presence.leave': () => ({ available: true, items: [] }) });
    const wrapper = mount(TicketPresence, { props: { ticketId: 7 } });
    await flushPromises();
    window.dispatchEvent(new Event('pagehide'));
    await flushPromises();
    await vi.advanceTimersByTimeAsync(3 * PRESENCE_BEAT_MS);
    wrapper.unmount();
    await flushPromises();
    expect(received.map((m) => m.type)).toEqual(['presence.beat', 'presence.leave']);
  });

  it('an older backend without presence: nothing shown, no more heartbeats, no leave', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const received = fakeBackground({ 'presence.beat': () => ({ available: false, items: [] }) });
    const wrapper = mount(TicketPresence, { props: { ticketId: 7 } });
    await flushPromises();
    await vi.advanceTimersByTimeAsync(3 * PRESENCE_BEAT_MS);
    wrapper.unmount();
    await flushPromises();
    expect(received.map((m) => m.type)).toEqual(['presence.beat']);
    expect(wrapper.text()).toBe('');
  });

  it('a failing heartbeat shows nobody rather than an error, and is logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fakeBackground({
      'presence.beat': () => {
        throw new Refusal({ code: 'INTERNAL', message: 'Cannot reach the backend' });
      },
    });
    const wrapper = mount(TicketPresence, { props: { ticketId: 7 } });
    await flushPromises();
    expect(wrapper.text()).toBe('');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('speaks Japanese', async () => {
    useLocale('ja');
    fakeBackground({ 'presence.beat': () => ({ available: true, items: [AIKO, BEN] }) });
    const wrapper = mount(TicketPresence, { props: { ticketId: 7 } });
    await flushPromises();
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['Aikoさんが返信中です', 'Benさんがこの問い合わせを表示中です']);
  });
});
