import { IdParams } from '../schemas/api';
import { PresenceList, PresenceUpdate } from '../schemas/presence';
import { resource } from './contract';

/** Collision detection (issue 22, item 9): who else has a ticket open or is replying to it; anyone who may see the ticket. */
export const presence = resource('presence', 'tickets', {
  beat: {
    method: 'put',
    path: '/tickets/:id/presence',
    summary:
      'Heartbeat: the caller has the ticket open (viewing) or is writing a reply (replying); lasts 15 seconds unless renewed. Answers the other agents on the ticket, as GET does',
    params: IdParams,
    body: PresenceUpdate,
    response: PresenceList,
  },
  list: {
    method: 'get',
    path: '/tickets/:id/presence',
    summary: 'The other agents who have the ticket open or are replying to it, with their state and since when (expired heartbeats left out)',
    params: IdParams,
    response: PresenceList,
  },
  leave: {
    method: 'delete',
    path: '/tickets/:id/presence',
    summary: "The caller closed the ticket: their presence ends at once instead of expiring. Answers the others' presence",
    params: IdParams,
    response: PresenceList,
  },
});
