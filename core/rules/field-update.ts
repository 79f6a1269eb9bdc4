import type { CustomFieldValue } from '../schemas/ticket';
import { Priority, TicketStatus } from '../schemas/ticket';
import type { JobMode, Operation } from '../schemas/job';
import { checkOperationAllowed, OPERATION_LABELS } from './bulk-limits';
import { OK, violation, type Verdict } from './verdict';

/** Fields an "update a field" operation may set (R-BULK-2), and the custom fields as `custom.<name>`. */
export const UPDATABLE_FIELDS = ['status', 'priority', 'category', 'product', 'account'] as const;
// As long as a field key may be (CustomFieldKeyName: 64 characters).
const CUSTOM = /^custom\.[A-Za-z][\w-]{0,63}$/;

/** Whether a value fits the field's type, in words the agent can act on. */
export function checkFieldUpdate(field: string, value: CustomFieldValue): Verdict {
  const refuse = (why: string) => violation('R-BULK-2', `Cannot set ${field}: ${why}`);
  switch (field) {
    case 'status':
      return TicketStatus.safeParse(value).success ? OK : refuse(`use one of ${TicketStatus.options.join(', ')}.`);
    case 'priority':
      return Priority.safeParse(value).success ? OK : refuse(`use one of ${Priority.options.join(', ')}.`);
    case 'category':
    case 'product':
    case 'account':
      return value === null || (typeof value === 'string' && value.length <= 200) ? OK : refuse('it takes text of at most 200 characters, or null.');
    default:
      return CUSTOM.test(field) ? OK : refuse(`it is not a field; use ${UPDATABLE_FIELDS.join(', ')} or custom.<name>.`);
  }
}

/** Field changes that are really another operation of R-BULK-2's table. */
const EFFECTS: readonly { matches: (field: string, value: CustomFieldValue) => boolean; operation: Operation; words: string }[] = [
  { matches: (field, value) => field === 'status' && value === 'closed', operation: 'close', words: 'Setting the status to closed is closing the tickets' },
  { matches: (field) => field === 'spam', operation: 'spam', words: 'Setting the spam flag is marking the tickets as spam' },
  { matches: (field) => field === 'department' || field === 'departmentId', operation: 'move', words: 'Changing the department is moving the tickets' },
];

/**
 * R-BULK-2 has no back door: an "update a field" whose effect is another operation is judged as
 * that operation in this mode and view; the spam flag and the department are never fields to
 * set, as marking spam and moving do more than change a column (R-BULK-12, R-BULK-3).
 */
export function checkFieldEffect(field: string, value: CustomFieldValue, mode: JobMode, allDepartments: boolean): Verdict {
  const effect = EFFECTS.find((e) => e.matches(field, value));
  if (!effect) return OK;
  const label = OPERATION_LABELS[effect.operation];
  if (effect.operation !== 'close') {
    return violation('R-BULK-2', `${effect.words}; use "${label}" instead of "Update a field" (it runs where R-BULK-2 allows ${label}).`);
  }
  const verdict = checkOperationAllowed(effect.operation, mode, allDepartments);
  if (verdict.ok) return OK;
  return violation('R-BULK-2', `${effect.words}: ${verdict.violations[0]!.message}`);
}
