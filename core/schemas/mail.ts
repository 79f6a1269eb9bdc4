import { z } from 'zod';
import { Id, Timestamp } from './common';

/** Mail the server kept instead of sending, because no SMTP server is configured (demo mode). */
export const StoredMail = z
  .object({
    kind: z.enum(['reply', 'notification']),
    id: Id,
    to: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
    ticketId: Id.nullable(),
    jobId: Id.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'StoredMail' });
export type StoredMail = z.infer<typeof StoredMail>;
