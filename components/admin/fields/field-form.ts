import type { CustomFieldCreate, CustomFieldDefinition, CustomFieldPatch, CustomFieldType } from '../../../core/schemas/custom-field';

/** The custom-field form as its inputs hold it: options one per line, as admins paste them from a list. */
export interface FieldForm {
  key: string;
  name: string;
  type: CustomFieldType;
  options: string;
  required: boolean;
}

export const emptyFieldForm = (): FieldForm => ({ key: '', name: '', type: 'text', options: '', required: false });

export const formOf = (field: CustomFieldDefinition): FieldForm => ({
  key: field.key,
  name: field.name,
  type: field.type,
  options: field.options.join('\n'),
  required: field.required,
});

const optionList = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean),
  ),
];

/** A key suggested from the name ("Order number" → orderNumber), so admins need not invent one. */
export function keyFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[^\w\s]/g, ' ')
    .split(/[\s_]+/)
    .filter((w) => /^[A-Za-z0-9]+$/.test(w));
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[A-Za-z]/.test(key) ? key.slice(0, 64) : '';
}

export const createBody = (form: FieldForm): CustomFieldCreate => ({
  key: form.key.trim(),
  name: form.name.trim(),
  type: form.type,
  options: form.type === 'choice' ? optionList(form.options) : [],
  required: form.required,
});

/** Key and type stay once tickets may hold values under them. */
export const patchBody = (form: FieldForm): CustomFieldPatch => ({
  name: form.name.trim(),
  required: form.required,
  ...(form.type === 'choice' ? { options: optionList(form.options) } : {}),
});

/** What is missing before the form can be sent, as an i18n key, or null. */
export function missingInForm(form: FieldForm): 'name' | 'key' | 'options' | null {
  if (!form.name.trim()) return 'name';
  if (!/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/.test(form.key.trim())) return 'key';
  if (form.type === 'choice' && optionList(form.options).length === 0) return 'options';
  return null;
}
