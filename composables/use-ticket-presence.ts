import { computed, onScopeDispose, shallowRef, watch, type Ref } from 'vue';
import { replyingTickets } from '../components/inbox/reply/replying';
import type { PresenceEntry, PresenceState } from '../core/schemas/presence';
import { send } from '../messaging/send';

/** One heartbeat also answers who else is there: both every 4 s keeps "Aiko is replying" under 5 s old. */
export const PRESENCE_BEAT_MS = 4_000;

/**
 * While the panel shows a ticket: a heartbeat through the background (viewing, or replying while
 * the composer has text), and the other agents it answers. Leaves when the ticket changes or the
 * panel unmounts. An older backend without presence, or a failing one, shows nobody: logged only.
 */
export function useTicketPresence(ticketId: Ref<number>) {
  const others = shallowRef<PresenceEntry[]>([]);
  const state = computed<PresenceState>(() => (replyingTickets.has(ticketId.value) ? 'replying' : 'viewing'));
  let available = true;
  let stopped = false;

  async function beat() {
    if (!available || stopped) return;
    const id = ticketId.value;
    try {
      const answer = await send('presence.beat', { ticketId: id, state: state.value });
      available = answer.available;
      // An answer for a ticket the panel has left meanwhile says nothing about the one it shows.
      if (id === ticketId.value && !stopped) others.value = answer.items;
    } catch (error) {
      console.warn('Inbox Desk: presence heartbeat failed; other agents may not be shown.', error);
      others.value = [];
    }
  }

  const leave = (id: number) => {
    if (available) void send('presence.leave', { ticketId: id }).catch((error) => console.warn('Inbox Desk: leaving ticket presence failed.', error));
  };

  watch(ticketId, (_now, before) => {
    others.value = [];
    leave(before);
  });
  watch([ticketId, state], () => void beat(), { immediate: true });
  const timer = setInterval(() => void beat(), PRESENCE_BEAT_MS);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    leave(ticketId.value);
  };
  // Closing the tab or leaving the page unmounts nothing: say goodbye then too (else it expires in 15 s).
  window.addEventListener('pagehide', stop);
  onScopeDispose(() => {
    window.removeEventListener('pagehide', stop);
    stop();
  });

  return { others };
}
