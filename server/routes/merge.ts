import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { mergeAsRequested } from '../merge/merge-request';
import { previewMerge } from '../merge/merge-preview';

export function mergeRoutes(api: Api) {
  api.add(contracts.merge.preview, ({ db, auth, body }) => previewMerge(db, auth, body));
  api.add(contracts.merge.run, ({ db, auth, body }) => mergeAsRequested(db, auth, body));
}
