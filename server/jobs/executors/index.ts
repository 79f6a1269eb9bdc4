import type { Operation } from '../../../core/schemas/job';
import type { Executor } from '../executor';
import { macro } from './macro';
import { move } from './move';
import { assign, close, comment, removeBlueprint, spam, trash, updateField, updateResolution } from './simple';

/** One executor per operation of R-BULK-2; reply and merge are refused at submit until they exist. */
export const EXECUTORS: Partial<Record<Operation, Executor>> = {
  assign,
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
