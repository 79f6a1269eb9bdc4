import { LONE_SURROGATE } from '../../core/schemas/common';

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * Text of mail as it came in, made storable: PostgreSQL cannot hold U+0000 (text or jsonb) and a lone
 * surrogate has no UTF-8 form. The API refuses both in requests (core/schemas/common.ts Text), but a
 * mail is not refused: it is stored without the NULs and with U+FFFD for the halves.
 */
export function storableText(text: string): string {
  return text.replace(/\0/g, '').replace(LONE_SURROGATES, '\uFFFD');
}

/** Every string in a parsed mail, cleaned; Buffers (raw source, attachments) and dates stay as they are. */
export function storableMail<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storableMail) as T;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [storableText(key), storableMail(v)])) as T;
}
