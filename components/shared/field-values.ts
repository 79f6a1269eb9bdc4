import type { CustomFieldType } from '../../core/schemas/custom-field';
import type { CustomFieldValue } from '../../core/schemas/ticket';

/** What a control shows for a stored value: empty for none. */
export const inputOf = (value: CustomFieldValue | undefined): string => (value === null || value === undefined ? '' : String(value));

/**
 * The value a control's text stands for, as the backend stores it: null when emptied, a number for
 * a number field, undefined when the text is not a number (the control says so instead of saving).
 */
export function valueOf(type: CustomFieldType, input: string): CustomFieldValue | undefined {
  const text = input.trim();
  if (text === '') return null;
  if (type !== 'number') return text;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** The same value, whether stored as missing, null or empty text. */
export const sameValue = (a: CustomFieldValue | undefined, b: CustomFieldValue | undefined) => inputOf(a) === inputOf(b) && typeof (a ?? '') === typeof (b ?? '');
