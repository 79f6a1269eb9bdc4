import { describe, expect, it } from 'vitest';
import { MacroCreate } from '../../../core/schemas/admin';
import type { MacroStep } from '../../../core/schemas/template';
import { MACRO_STEP_TYPES, moveItem, newStepDraft, stepDraftOf, stepOf, stepProblem, type StepDraft } from '../../../core/templates/macro-draft';

describe('R-BULK-14 macro step drafts', () => {
  it('starts every step type unfinished where it needs input', () => {
    expect(MACRO_STEP_TYPES.map((type) => stepProblem(newStepDraft(type)))).toEqual(['pickTemplate', null, 'fieldKey', 'commentBody', 'taskTitle']);
  });

  it('names what is missing', () => {
    const cases: [StepDraft, string | null][] = [
      [{ type: 'set_fields', fields: [] }, 'noFields'],
      [
        {
          type: 'set_fields',
          fields: [
            { key: 'plan', value: 'a' },
            { key: ' plan ', value: 'b' },
          ],
        },
        'fieldTwice',
      ],
      [{ type: 'add_comment', visibility: 'public', body: '   ' }, 'commentBody'],
      [{ type: 'create_task', title: 'Call', dueInDays: 366 }, 'taskDue'],
      [{ type: 'create_task', title: 'Call', dueInDays: 1.5 }, 'taskDue'],
      [{ type: 'create_task', title: 'Call', dueInDays: 365 }, null],
      [{ type: 'create_task', title: 'Call', dueInDays: 0 }, null],
    ];
    for (const [draft, problem] of cases) expect(stepProblem(draft)).toBe(problem);
  });

  it('turns complete drafts into steps the schema accepts, and back', () => {
    const steps: MacroStep[] = [
      { type: 'send_reply', templateId: 4 },
      { type: 'set_status', status: 'waiting_on_customer' },
      { type: 'set_fields', fields: { plan: 'gold', seats: 5, vip: true, note: null } },
      { type: 'add_comment', visibility: 'public', body: 'We are on it.' },
      { type: 'create_task', title: 'Call back', dueInDays: 3 },
    ];
    const drafts = steps.map(stepDraftOf);
    expect(drafts.map(stepProblem)).toEqual([null, null, null, null, null]);
    const back = drafts.map(stepOf);
    expect(back).toEqual(steps);
    expect(MacroCreate.safeParse({ departmentId: 1, name: 'M', steps: back }).success).toBe(true);
  });

  it('trims field keys and task titles', () => {
    expect(stepOf({ type: 'set_fields', fields: [{ key: ' plan ', value: 'x' }] })).toEqual({ type: 'set_fields', fields: { plan: 'x' } });
    expect(stepOf({ type: 'create_task', title: ' Call ', dueInDays: 2 })).toEqual({ type: 'create_task', title: 'Call', dueInDays: 2 });
  });
});

describe('moveItem', () => {
  it('moves one item and leaves the rest in order', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('changes nothing for a move past either end', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});
