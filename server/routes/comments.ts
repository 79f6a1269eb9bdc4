import { z } from 'zod';
import { IdParam } from '../../core/schemas/common';
import { IdParams } from '../../core/schemas/api';
import { Comment, CommentCreate, CommentEdit } from '../../core/schemas/thread';
import type { Api } from '../http/route';
import { addComment, deleteComment, editComment } from '../tickets/ticket-comments';

const CommentParams = z.object({ id: IdParam, commentId: IdParam });

/** Private notes and public comments; secondary contacts are notified of public ones (R-CC-5). */
export function commentRoutes(api: Api) {
  const tag = 'comments';
  api.add(
    {
      method: 'post',
      path: '/tickets/:id/comments',
      tag,
      summary: 'Add a private or public comment (ticket.edit); a public one is e-mailed to the secondary contacts (R-CC-5) and shown in the help center',
      params: IdParams,
      body: CommentCreate,
      response: Comment,
      status: 201,
    },
    async ({ db, auth, params, body }) => addComment(db, auth, params.id, body),
  );
  api.add(
    {
      method: 'patch',
      path: '/tickets/:id/comments/:commentId',
      tag,
      summary: "Edit a comment's text (its author, or an admin of the department); secondary contacts hear of a public one (R-CC-5)",
      params: CommentParams,
      body: CommentEdit,
      response: Comment,
    },
    async ({ db, auth, params, body }) => editComment(db, auth, params.id, params.commentId, body.body),
  );
  api.add(
    {
      method: 'delete',
      path: '/tickets/:id/comments/:commentId',
      tag,
      summary: 'Delete a comment (its author, or an admin of the department); secondary contacts hear of a public one (R-CC-5); answers the deleted comment',
      params: CommentParams,
      response: Comment,
    },
    async ({ db, auth, params }) => deleteComment(db, auth, params.id, params.commentId),
  );
}
