import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { mergeTickets } from '../merge/merge-apply';
import { previewMerge } from '../merge/merge-preview';

export function mergeRoutes(api: Api) {
  api.add(contracts.merge.preview, ({ db, auth, body }) => previewMerge(db, auth, body));
  api.add(contracts.merge.run, ({ db, auth, body }) =>
    mergeTickets(db, auth, {
      ticketIds: body.tickets.map((t) => t.id),
      primaryId: body.primaryId,
      fieldChoices: body.fieldChoices,
      versions: new Map(body.tickets.map((t) => [t.id, t.version])),
    }),
  );
}
