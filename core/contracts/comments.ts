import { IdParams } from '../schemas/api';
import { Comment, CommentCreate, CommentEdit, CommentParams } from '../schemas/thread';
import { resource } from './contract';

/** Private notes and public comments; secondary contacts are notified of public ones (R-CC-5). */
export const comments = resource('comments', 'comments', {
  create: {
    method: 'post',
    path: '/tickets/:id/comments',
    summary: 'Add a private or public comment (ticket.edit); a public one is e-mailed to the secondary contacts (R-CC-5) and shown in the help center',
    params: IdParams,
    body: CommentCreate,
    response: Comment,
    status: 201,
  },
  edit: {
    method: 'patch',
    path: '/tickets/:id/comments/:commentId',
    summary: "Edit a comment's text (its author, or an admin of the department); secondary contacts hear of a public one (R-CC-5)",
    params: CommentParams,
    body: CommentEdit,
    response: Comment,
  },
  remove: {
    method: 'delete',
    path: '/tickets/:id/comments/:commentId',
    summary: 'Delete a comment (its author, or an admin of the department); secondary contacts hear of a public one (R-CC-5); answers the deleted comment',
    params: CommentParams,
    response: Comment,
  },
});
