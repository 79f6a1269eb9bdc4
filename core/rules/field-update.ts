import type { CustomFieldValue } from '../schemas/ticket';
import { Priority, TicketStatus } from '../schemas/ticket';
import type { JobMode, Operation } from '../schemas/job';
import { checkOperationAllowed, operationName } from './bulk-limits';
import { asPhrase, list, phrase, type Phrase } from '../refusals/refusal';
import { OK, violation, type Verdict } from './verdict';

/** Fields an "update a field" operation may set (R-BULK-2), and the custom fields as `custom.<name>`. */
export const UPDATABLE_FIELDS = ['status', 'priority', 'category', 'product', 'account'] as const;
// As long as a field key may be (CustomFieldKeyName: 64 characters).
const CUSTOM = /^custom\.[A-Za-z][\w-]{0,63}$/;

/** Whether a value fits the field's type, in words the agent can act on. */
export function checkFieldUpdate(field: string, value: CustomFieldValue): Verdict {
  const refuse = (why: Phrase) => violation('R-BULK-2', 'field.cannotSet', { field, why });
  switch (field) {
    case 'status':
      return TicketStatus.safeParse(value).success ? OK : refuse(phrase('field.why.oneOf', { values: list([...TicketStatus.options]) }));
    case 'priority':
      return Priority.safeParse(value).success ? OK : refuse(phrase('field.why.oneOf', { values: list([...Priority.options]) }));
    case 'category':
    case 'product':
    case 'account':
      return value === null || (typeof value === 'string' && value.length <= 200) ? OK : refuse(phrase('field.why.text', {}));
    default:
      return CUSTOM.test(field) ? OK : refuse(phrase('field.why.notField', { fields: list([...UPDATABLE_FIELDS]) }));
  }
}

/** Field changes that are really another operation of R-BULK-2's table. */
const EFFECTS: readonly { matches: (field: string, value: CustomFieldValue) => boolean; operation: Operation; words: Phrase }[] = [
  { matches: (field, value) => field === 'status' && value === 'closed', operation: 'close', words: phrase('field.effect.close', {}) },
  { matches: (field) => field === 'spam', operation: 'spam', words: phrase('field.effect.spam', {}) },
  { matches: (field) => field === 'department' || field === 'departmentId', operation: 'move', words: phrase('field.effect.move', {}) },
];

/**
 * R-BULK-2 has no back door: an "update a field" whose effect is another operation is judged as
 * that operation in this mode and view; the spam flag and the department are never fields to
 * set, as marking spam and moving do more than change a column (R-BULK-12, R-BULK-3).
 */
export function checkFieldEffect(field: string, value: CustomFieldValue, mode: JobMode, allDepartments: boolean): Verdict {
  const effect = EFFECTS.find((e) => e.matches(field, value));
  if (!effect) return OK;
  if (effect.operation !== 'close') {
    return violation('R-BULK-2', 'field.useOperation', { effect: effect.words, operation: operationName(effect.operation) });
  }
  const verdict = checkOperationAllowed(effect.operation, mode, allDepartments);
  if (verdict.ok) return OK;
  return violation('R-BULK-2', 'field.effectRefused', { effect: effect.words, refusal: asPhrase(verdict.violations[0]!) });
}
