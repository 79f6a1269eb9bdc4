import type { CustomFieldValue } from '../schemas/ticket';
import { Priority, TicketStatus } from '../schemas/ticket';
import { OK, violation, type Verdict } from './verdict';

/** Fields an "update a field" operation may set (R-BULK-2), and the custom fields as `custom.<name>`. */
export const UPDATABLE_FIELDS = ['status', 'priority', 'category', 'product', 'account'] as const;
const CUSTOM = /^custom\.[A-Za-z][\w-]{0,59}$/;

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
