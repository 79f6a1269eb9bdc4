import type { CustomFieldDefinition } from '../schemas/custom-field';
import type { CustomFieldValue } from '../schemas/ticket';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string) => DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** Why one value does not fit its field, or null. */
export function customValueProblem(field: Pick<CustomFieldDefinition, 'name' | 'type' | 'options' | 'required'>, value: CustomFieldValue): string | null {
  if (value === null || value === '') return null;
  switch (field.type) {
    case 'text':
      return typeof value === 'string' ? null : `"${field.name}" takes text.`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `"${field.name}" takes a number.`;
    case 'date':
      return typeof value === 'string' && isDay(value) ? null : `"${field.name}" takes a date written YYYY-MM-DD.`;
    case 'choice':
      return typeof value === 'string' && field.options.includes(value) ? null : `"${field.name}" takes one of: ${field.options.join(', ')}.`;
  }
}

/**
 * Custom field values set on a ticket against its department's definitions: unknown keys, values of
 * the wrong type or outside the choices; when the ticket is being closed, required fields left empty
 * ("required" means required to close, so tickets arriving by mail are never refused). RULES.md has no
 * rule for them, so these are input errors (VALIDATION), not rule violations.
 */
export function customFieldProblems(
  definitions: readonly CustomFieldDefinition[],
  values: Record<string, CustomFieldValue>,
  options: { departmentName: string; closing?: { ticketNumber: number; all: Record<string, CustomFieldValue> } },
): string[] {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const problems: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) problems.push(`${options.departmentName} has no custom field "${key}"; an admin defines fields on the options page.`);
    else {
      const problem = customValueProblem(field, value);
      if (problem) problems.push(problem);
    }
  }
  const closing = options.closing;
  if (closing) {
    for (const field of definitions) {
      const value = closing.all[field.key];
      if (field.required && (value === undefined || value === null || value === '')) {
        problems.push(`Ticket #${closing.ticketNumber} cannot be closed while "${field.name}" is empty; fill it in first.`);
      }
    }
  }
  return problems;
}
