import type { MacroStep } from '../schemas/template';
import type { CommentVisibility } from '../schemas/thread';
import type { CustomFieldValue, TicketStatus } from '../schemas/ticket';

/** R-BULK-14: a macro runs 1–50 steps on each ticket. */
export const MAX_MACRO_STEPS = 50;
export const MAX_TASK_DUE_DAYS = 365;

export type MacroStepType = MacroStep['type'];
export const MACRO_STEP_TYPES: readonly MacroStepType[] = ['send_reply', 'set_status', 'set_fields', 'add_comment', 'create_task'];

/** A step while it is edited: it may be unfinished (no template picked yet, an empty comment). */
export type StepDraft =
  | { type: 'send_reply'; templateId: number | null }
  | { type: 'set_status'; status: TicketStatus }
  | { type: 'set_fields'; fields: { key: string; value: CustomFieldValue }[] }
  | { type: 'add_comment'; visibility: CommentVisibility; body: string }
  | { type: 'create_task'; title: string; dueInDays: number };

/** A step in the editor's list, with an id that stays with it when it moves (for keys and focus). */
export interface StepRow {
  uid: number;
  draft: StepDraft;
}

/** Why a draft cannot be saved yet, as a key the editor words. */
export type StepProblem = 'pickTemplate' | 'fieldKey' | 'fieldTwice' | 'noFields' | 'commentBody' | 'taskTitle' | 'taskDue';

export function newStepDraft(type: MacroStepType): StepDraft {
  switch (type) {
    case 'send_reply':
      return { type, templateId: null };
    case 'set_status':
      return { type, status: 'open' };
    case 'set_fields':
      return { type, fields: [{ key: '', value: '' }] };
    case 'add_comment':
      return { type, visibility: 'private', body: '' };
    case 'create_task':
      return { type, title: '', dueInDays: 1 };
  }
}

export function stepDraftOf(step: MacroStep): StepDraft {
  if (step.type !== 'set_fields') return { ...step };
  return { type: 'set_fields', fields: Object.entries(step.fields).map(([key, value]) => ({ key, value })) };
}

function fieldsProblem(fields: { key: string }[]): StepProblem | null {
  if (fields.length === 0) return 'noFields';
  const keys = fields.map((f) => f.key.trim());
  if (keys.some((k) => k === '')) return 'fieldKey';
  return new Set(keys).size < keys.length ? 'fieldTwice' : null;
}

export const stepRowsOf = (steps: readonly MacroStep[]): StepRow[] => steps.map((step, i) => ({ uid: i + 1, draft: stepDraftOf(step) }));

/** What stops a draft from becoming a MacroStep, or null when it is complete. */
export function stepProblem(draft: StepDraft): StepProblem | null {
  switch (draft.type) {
    case 'send_reply':
      return draft.templateId === null ? 'pickTemplate' : null;
    case 'set_status':
      return null;
    case 'set_fields':
      return fieldsProblem(draft.fields);
    case 'add_comment':
      return draft.body.trim() === '' ? 'commentBody' : null;
    case 'create_task':
      if (draft.title.trim() === '') return 'taskTitle';
      return Number.isInteger(draft.dueInDays) && draft.dueInDays >= 0 && draft.dueInDays <= MAX_TASK_DUE_DAYS ? null : 'taskDue';
  }
}

/** The step the server receives; call only when `stepProblem` found nothing. */
export function stepOf(draft: StepDraft): MacroStep {
  switch (draft.type) {
    case 'send_reply':
      return { type: draft.type, templateId: draft.templateId! };
    case 'set_fields':
      return { type: draft.type, fields: Object.fromEntries(draft.fields.map((f) => [f.key.trim(), f.value])) };
    case 'add_comment':
      return { type: draft.type, visibility: draft.visibility, body: draft.body };
    case 'create_task':
      return { type: draft.type, title: draft.title.trim(), dueInDays: draft.dueInDays };
    default:
      return { ...draft };
  }
}

/** The list with the item at `from` moved to `to`; out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const moved = [...list];
  const [item] = moved.splice(from, 1);
  moved.splice(to, 0, item!);
  return moved;
}
