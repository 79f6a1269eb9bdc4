import { z } from 'zod';

/** Database ids are bigint serials; JSON carries them as safe integers. */
export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export type Id = z.infer<typeof Id>;

export const Timestamp = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof Timestamp>;

export const Email = z.email().max(320);
export type Email = z.infer<typeof Email>;

/**
 * Id that may arrive as a query-string or path segment. Typed to take a number or a string, so a
 * caller building a request (core/contracts) passes the id it holds.
 */
export const IdParam = z.coerce.number<number | string>().pipe(Id);

export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text a request may carry. PostgreSQL cannot store U+0000, and a lone UTF-16 surrogate has no
 * UTF-8 form: both are refused here, naming the field, instead of failing in the database (a 500).
 */
export const Text = z
  .string()
  .refine((s) => !s.includes('\u0000'), 'contains a NUL character (U+0000), which cannot be stored: remove it')
  .refine((s) => !LONE_SURROGATE.test(s), 'contains an unpaired surrogate (half of a UTF-16 pair, not a character): send well-formed Unicode');

/** Text that goes into a mail header (subject, Message-ID, From): a CR or LF would end the header and start another. */
export const HeaderText = Text.refine((s) => !/[\r\n]/.test(s), 'contains a line break (CR or LF), which a mail header cannot hold: send one line');

/** The years a request's date may name: PostgreSQL has no year 0, and ISO strings past 9999 do not round-trip. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** An instant a request sends: ISO 8601 with offset, and in UTC within MIN_YEAR–MAX_YEAR. */
export const TimestampInput = Timestamp.refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}, `must be a date in the years ${MIN_YEAR}–${MAX_YEAR} (UTC)`);
