import { customFieldProblems, customValueProblem } from '../../../core/rules/custom-field-values';
import type { CustomFieldDefinition } from '../../../core/schemas/custom-field';
import type { CustomFieldValue, Ticket } from '../../../core/schemas/ticket';
import { inputOf, sameValue, valueOf } from '../../shared/field-values';

type Values = Record<string, CustomFieldValue>;

/** The text of every field's control, from the ticket's stored values. */
export const draftOf = (definitions: readonly CustomFieldDefinition[], values: Values): Record<string, string> =>
  Object.fromEntries(definitions.map((d) => [d.key, inputOf(values[d.key])]));

/**
 * What saving the edited controls sends: the whole map (the PATCH replaces it), or nothing when no
 * value changed; `problem` names the first field whose text does not fit, in the backend's words.
 */
export function customFieldChanges(
  definitions: readonly CustomFieldDefinition[],
  values: Values,
  draft: Record<string, string>,
): { customFields: Values | null; problem: string | null } {
  const next: Values = { ...values };
  let changed = false;
  for (const field of definitions) {
    const text = draft[field.key] ?? '';
    const value = valueOf(field.type, text);
    // Only changed values are judged, as the backend does: a value kept from before a field was redefined stays.
    if (value !== undefined && sameValue(value, values[field.key])) continue;
    const problem = customValueProblem(field, value === undefined ? text : value);
    if (problem) return { customFields: null, problem };
    next[field.key] = value!;
    changed = true;
  }
  return { customFields: changed ? next : null, problem: null };
}

/** Why closing this ticket would be refused for a required field left empty (the backend's own check), or null. */
export function closeProblem(definitions: readonly CustomFieldDefinition[], ticket: Pick<Ticket, 'number' | 'customFields'>, departmentName: string): string | null {
  const problems = customFieldProblems(definitions, {}, { departmentName, closing: { ticketNumber: ticket.number, all: ticket.customFields } });
  return problems[0] ?? null;
}
