import { presence } from '../../../core/contracts/presence';
import type { PanelPresence, PresenceList } from '../../../core/schemas/presence';
import { ApiCallError } from '../api-client';
import type { Handlers } from '../router';
import { call } from '../services';

/** An older backend has no presence route: its catch-all answers 404 "No route …" (server/app.ts). */
const routeMissing = (error: unknown) => error instanceof ApiCallError && error.status === 404 && error.error.message.startsWith('No route');

/**
 * Collision detection is a help, not a gate: without the route the panel shows nothing and carries
 * on. Said once in the worker's log so an admin can tell why nobody appears.
 */
let reported = false;
async function orNothing(request: () => Promise<PresenceList>): Promise<PanelPresence> {
  try {
    return { available: true, items: (await request()).items };
  } catch (error) {
    if (!routeMissing(error)) throw error;
    if (!reported) console.warn('Inbox Desk: the backend has no ticket presence API (older server); the panel shows no other agents.', error);
    reported = true;
    return { available: false, items: [] };
  }
}

export const presenceHandlers: Handlers<'presence.beat' | 'presence.leave'> = {
  'presence.beat': ({ ticketId, state }) => orNothing(() => call(presence.beat, { params: { id: ticketId }, body: { state } })),
  'presence.leave': ({ ticketId }) => orNothing(() => call(presence.leave, { params: { id: ticketId } })),
};
