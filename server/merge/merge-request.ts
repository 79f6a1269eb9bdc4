import type { MergeRequest, MergeResult } from '../../core/schemas/merge';
import type { Db } from '../db/client';
import type { AuthContext } from '../http/app-env';
import { mergeTickets } from './merge-apply';

/** POST /merge names each ticket with the version the agent previewed, so a ticket changed since is refused. */
export function mergeAsRequested(db: Db, auth: AuthContext, request: MergeRequest): Promise<MergeResult> {
  return mergeTickets(db, auth, {
    ticketIds: request.tickets.map((t) => t.id),
    primaryId: request.primaryId,
    fieldChoices: request.fieldChoices,
    versions: new Map(request.tickets.map((t) => [t.id, t.version])),
  });
}
