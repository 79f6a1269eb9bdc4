import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { addComment, deleteComment, editComment } from '../tickets/ticket-comments';

export function commentRoutes(api: Api) {
  api.add(contracts.comments.create, async ({ db, auth, params, body }) => addComment(db, auth, params.id, body));
  api.add(contracts.comments.edit, async ({ db, auth, params, body }) => editComment(db, auth, params.id, params.commentId, body.body));
  api.add(contracts.comments.remove, async ({ db, auth, params }) => deleteComment(db, auth, params.id, params.commentId));
}
