import type { Operation } from '../../core/schemas/job';

/** R-BULK-2's operations as the result e-mail (R-BULK-9) names them to people, never by their API names. */
export const OPERATION_WORDS: Record<Operation, string> = {
  assign: 'Assign',
  update_field: 'Update a field',
  reply: 'Reply',
  comment: 'Add a comment',
  merge: 'Merge',
  close: 'Close',
  delete: 'Delete',
  move: 'Move to another department',
  spam: 'Mark as spam',
  macro: 'Run a macro',
  remove_blueprint: 'Remove the blueprint',
  update_resolution: 'Update the resolution',
};
