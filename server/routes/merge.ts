import { MergePreview, MergePreviewRequest, MergeRequest, MergeResult } from '../../core/schemas/merge';
import type { Api } from '../http/route';
import { mergeTickets } from '../merge/merge-apply';
import { previewMerge } from '../merge/merge-preview';

const tag = 'merge';

export function mergeRoutes(api: Api) {
  api.add(
    {
      method: 'post',
      path: '/merge/preview',
      tag,
      summary: 'Preview a merge of 2–5 tickets: default primary, each field per ticket with its default choice, the merged ticket and timeline, and any rule that refuses it; changes nothing',
      body: MergePreviewRequest,
      response: MergePreview,
    },
    ({ db, auth, body }) => previewMerge(db, auth, body),
  );
  api.add(
    {
      method: 'post',
      path: '/merge',
      tag,
      summary: 'Merge 2–5 tickets of one department into the chosen primary, in one transaction; cannot be undone. Send each ticket with the version previewed: a change made since is 409',
      body: MergeRequest,
      response: MergeResult,
    },
    ({ db, auth, body }) =>
      mergeTickets(db, auth, {
        ticketIds: body.tickets.map((t) => t.id),
        primaryId: body.primaryId,
        fieldChoices: body.fieldChoices,
        versions: new Map(body.tickets.map((t) => [t.id, t.version])),
      }),
  );
}
