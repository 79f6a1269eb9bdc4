import { z } from 'zod';
import { Email, Id, Timestamp } from './common';

export const Contact = z
  .object({
    id: Id,
    email: Email.nullable(),
    name: z.string().max(200),
    account: z.string().max(200).nullable(),
    deleted: z.boolean(),
    spam: z.boolean(),
    anonymous: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;
