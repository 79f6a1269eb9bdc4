import { z } from 'zod';
import { Id, Timestamp } from './common';

/**
 * A message the server could not deliver, for the admins' dead-letter list (issue 21): `failed`
 * (refused, or still not handed over after every retry) or `uncertain` (its data reached the SMTP
 * server without an answer, so the recipient may already have it). A sign-in link's body is never
 * shown: it carries the customer's sign-in token.
 */
export const UndeliveredMail = z
  .object({
    /** `outgoing`: a notice, sign-in link or mass-action result; `reply`: one recipient of a reply. */
    source: z.enum(['outgoing', 'reply']),
    id: Id,
    kind: z.enum(['reply', 'cc_notice', 'sign_in_link', 'job_result', 'agent_mention']),
    status: z.enum(['failed', 'uncertain']),
    to: z.array(z.string()),
    subject: z.string(),
    /** The SMTP server's last answer, or why nothing came back. */
    response: z.string().nullable(),
    attempts: z.number().int().nonnegative(),
    ticketId: Id.nullable(),
    jobId: Id.nullable(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'UndeliveredMail' });
export type UndeliveredMail = z.infer<typeof UndeliveredMail>;

export const ResendMail = z
  .object({
    /** Required to resend an `uncertain` message: the customer may already have it, and would get it twice. */
    confirmUncertain: z.boolean().default(false),
  })
  .strict();
export type ResendMail = z.infer<typeof ResendMail>;

/** A resent message is back in its queue; the list shows it again only if this attempt fails too. */
export const MailResent = z.object({ source: z.enum(['outgoing', 'reply']), id: Id, status: z.literal('queued') }).meta({ id: 'MailResent' });
export type MailResent = z.infer<typeof MailResent>;
