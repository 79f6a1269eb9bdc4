import { z } from 'zod';
import { Id, IdParam, Text } from './common';

/** What a department's custom field holds; a date is a calendar day (YYYY-MM-DD), as agents enter it. */
export const CustomFieldType = z.enum(['text', 'number', 'date', 'choice']);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

/** The key tickets store the value under (customFields.<key>), views filter on and bulk updates name as custom.<key>. */
export const CustomFieldKeyName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'a key starts with a letter and has only letters, digits and _ (at most 64)');

const Options = z.array(Text.trim().min(1).max(200)).max(100);

export const CustomFieldDefinition = z
  .object({
    id: Id,
    departmentId: Id,
    key: CustomFieldKeyName,
    name: z.string().min(1).max(120),
    type: CustomFieldType,
    /** The choices of a single-choice field; empty for the other types. */
    options: z.array(z.string()),
    required: z.boolean(),
  })
  .meta({ id: 'CustomFieldDefinition' });
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinition>;

const choicesFitType = (f: { type?: CustomFieldType; options?: string[] }) =>
  f.type === undefined || (f.type === 'choice' ? (f.options?.length ?? 0) > 0 : (f.options?.length ?? 0) === 0);
const CHOICES_MESSAGE = 'a single-choice field needs at least one option, and only single-choice fields take options';
const distinct = (options: string[] | undefined) => !options || new Set(options.map((o) => o.toLowerCase())).size === options.length;

export const CustomFieldCreate = z
  .object({ key: CustomFieldKeyName, name: Text.trim().min(1).max(120), type: CustomFieldType, options: Options.default([]), required: z.boolean().default(false) })
  .strict()
  .refine(choicesFitType, CHOICES_MESSAGE)
  .refine((f) => distinct(f.options), 'each option is listed once')
  .meta({ id: 'CustomFieldCreate' });
export type CustomFieldCreate = z.infer<typeof CustomFieldCreate>;

/** Key and type stay: tickets already hold values under them. */
export const CustomFieldPatch = z
  .object({ name: Text.trim().min(1).max(120).optional(), options: Options.optional(), required: z.boolean().optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'send a new name, options or required')
  .refine((p) => distinct(p.options), 'each option is listed once')
  .meta({ id: 'CustomFieldPatch' });
export type CustomFieldPatch = z.infer<typeof CustomFieldPatch>;

export const FieldParams = z.object({ id: IdParam, fieldId: IdParam }).strict();
