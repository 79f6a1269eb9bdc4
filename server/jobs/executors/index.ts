import type { Operation } from '../../../core/schemas/job';
import type { Executor } from '../executor';
import { macro } from './macro';
import { move } from './move';
import { reply } from './reply';
import { assign, close, comment, removeBlueprint, spam, trash, updateField, updateResolution } from './simple';

/** One executor per operation of R-BULK-2; merge is refused at submit until it exists. */
export const EXECUTORS: Partial<Record<Operation, Executor>> = {
  assign,
  reply,
  update_field: updateField,
  comment,
  close,
  delete: trash,
  move,
  spam,
  macro,
  remove_blueprint: removeBlueprint,
  update_resolution: updateResolution,
};
