import { customValueProblem } from '../../core/rules/custom-field-values';
import { checkFieldUpdate, UPDATABLE_FIELDS } from '../../core/rules/field-update';
import type { CustomFieldDefinition, CustomFieldType } from '../../core/schemas/custom-field';
import { Priority, TicketStatus, type CustomFieldValue } from '../../core/schemas/ticket';
import { valueOf } from './field-values';

/** A field "Update a field" can set, with what its value picker is: a list of options, or text of a type. */
export interface UpdatableField {
  field: string;
  label: string;
  type: 'status' | 'priority' | CustomFieldType;
  options: readonly string[];
}

/**
 * Every field the backend's update_field accepts (R-BULK-2, core/rules/field-update.ts): status,
 * priority, category, product, account, then the department's custom fields as custom.<key>.
 */
export function updatableFields(definitions: readonly CustomFieldDefinition[], label: (field: (typeof UPDATABLE_FIELDS)[number]) => string): UpdatableField[] {
  const standard = UPDATABLE_FIELDS.map((field): UpdatableField => {
    if (field === 'status') return { field, label: label(field), type: 'status', options: TicketStatus.options };
    if (field === 'priority') return { field, label: label(field), type: 'priority', options: Priority.options };
    return { field, label: label(field), type: 'text', options: [] };
  });
  return [...standard, ...definitions.map((d): UpdatableField => ({ field: `custom.${d.key}`, label: d.name, type: d.type, options: d.options }))];
}

/** Whether the picker's field has a list of values to choose from rather than text to type. */
export const picksFromList = (field: UpdatableField | undefined) => !!field && (field.type === 'status' || field.type === 'priority' || field.type === 'choice');

export type FieldPick = { payload: { field: string; value: CustomFieldValue }; problem: null } | { payload: null; problem: string };

/** Why a value does not fit its field: the backend's own checks for standard and custom fields. */
function valueProblem(picked: UpdatableField, value: CustomFieldValue): string | null {
  if (picked.type === 'status' || picked.type === 'priority' || !picked.field.startsWith('custom.')) {
    const verdict = checkFieldUpdate(picked.field, value);
    return verdict.ok ? null : verdict.violations[0]!.message;
  }
  return customValueProblem({ name: picked.label, type: picked.type, options: [...picked.options], required: false }, value);
}

/**
 * The update_field payload the picker stands for, or what is still missing or wrong, in words the
 * agent can act on. A value is always asked for: clearing a field on many tickets is not done by an empty box.
 */
export function fieldPick(fields: readonly UpdatableField[], field: string | null, input: string, words: { pickField: string; pickValue: string }): FieldPick {
  const picked = fields.find((f) => f.field === field);
  if (!picked) return { payload: null, problem: words.pickField };
  if (input.trim() === '') return { payload: null, problem: words.pickValue };
  const value = valueOf(picked.type === 'number' || picked.type === 'date' ? picked.type : 'text', input);
  // A number field given text: the check below names the field and what it takes.
  const problem = valueProblem(picked, value === undefined ? input : value);
  return problem || value === undefined || value === null ? { payload: null, problem: problem ?? words.pickValue } : { payload: { field: picked.field, value }, problem: null };
}
