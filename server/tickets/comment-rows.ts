import type { Comment } from '../../core/schemas/thread';
import type { CommentRow } from '../db/rows';

export const toComment = (row: CommentRow): Comment => ({
  ...row,
  visibility: row.visibility as Comment['visibility'],
  createdAt: row.createdAt.toISOString(),
  editedAt: row.editedAt?.toISOString() ?? null,
});
