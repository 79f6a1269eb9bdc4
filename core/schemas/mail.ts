import { z } from 'zod';
import { Id, Text, Timestamp } from './common';

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

/** POST /inbound/dsn: a bounce as the mail server received it (RFC 3464 delivery-status message, raw). */
export const DsnReport = z.object({ message: Text.min(1).max(5_000_000) });
/** What a posted bounce did; it never names the recipient, so the answer leaks no address or id. */
export const DsnApplied = z
  .object({
    accepted: z.literal(true),
    /** The report marked its recipient bounced; false when it changed nothing (a delay or relay notice, a recipient never handed over). */
    bounced: z.boolean(),
  })
  .meta({ id: 'DsnApplied' });
export type DsnApplied = z.infer<typeof DsnApplied>;
