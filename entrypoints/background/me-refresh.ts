import { session } from '../../core/contracts/session';
import type { Me } from '../../core/schemas/api';
import type { Connection } from '../../core/schemas/messages';
import { callWith } from './api-client';

const viewable = (me: Me | null) =>
  (me?.departments ?? [])
    .filter((d) => d.permissions.includes('ticket.view'))
    .map((d) => d.departmentId)
    .sort((a, b) => a - b)
    .join(',');

const grants = (me: Me | null) => JSON.stringify((me?.departments ?? []).map((d) => [d.departmentId, d.role.id, d.permissions]));

/**
 * The agent's roles as the backend has them now: an admin may have granted or taken away a
 * permission since the last sync, and the extension's pre-checks must not lag behind. When the
 * departments the agent may view changed, the local index no longer matches them (R-PERM-5);
 * when any grant changed, open webmail tabs must re-check what they offer.
 */
export async function refreshMe(connection: Connection, previous: Me | null): Promise<{ me: Me; viewChanged: boolean; accessChanged: boolean }> {
  const me = await callWith(connection, session.me, {});
  if (previous === null) return { me, viewChanged: false, accessChanged: false };
  return { me, viewChanged: viewable(previous) !== viewable(me), accessChanged: grants(previous) !== grants(me) };
}
