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
