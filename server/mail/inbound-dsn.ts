import { eq } from 'drizzle-orm';
import { hasPermission } from '../../core/rules/permissions';
import type { DsnApplied } from '../../core/schemas/mail';
import type { Db } from '../db/client';
import { tickets } from '../db/schema';
import { ApiFailure } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { DsnError, markBounced, matchDsn } from './dsn';

/**
 * R-PERM-5, without the department's name: naming it would tell the caller which department
 * the token's recipient belongs to, and so that it exists.
 */
const needsCredential = () =>
  new ApiFailure(
    403,
    'FORBIDDEN',
    'Posting a bounce needs the inbound secret (INBOUND_DSN_SECRET, sent as the bearer token) or the token of an agent with the permission settings.manage in the department of the ticket the bounced message belongs to.',
    'R-PERM-5',
  );

/** One answer for an unknown token and for a report about another address, so the answer confirms no guess. */
const noMatch = () =>
  new ApiFailure(
    422,
    'VALIDATION',
    'No recipient of ours matches this report: its token is unknown (the ticket may have been purged) or its Final-Recipient is not the address that token was sent to. Nothing was changed.',
  );

async function managesTicketOf(db: Db, auth: AuthContext, ticketId: number): Promise<boolean> {
  const [ticket] = await db.select({ departmentId: tickets.departmentId }).from(tickets).where(eq(tickets.id, ticketId));
  return ticket !== undefined && hasPermission(auth.access, 'settings.manage', ticket.departmentId);
}

/**
 * POST /inbound/dsn. `auth` is null when the inbound secret authenticated the request (the mail
 * server's delivery script); an agent's token must hold settings.manage where the recipient's
 * ticket is, and gets the same 403 whether or not the recipient exists. The answer never names
 * the recipient.
 */
export async function receiveDsn(db: Db, auth: AuthContext | null, raw: string): Promise<DsnApplied> {
  const matched = await matchDsn(db, raw).catch((error: unknown) => {
    if (!(error instanceof DsnError)) throw error;
    // A message without our token says nothing about our data: the caller may be told plainly.
    if (error.reason === 'no_token') throw new ApiFailure(422, 'VALIDATION', error.message);
    throw auth ? needsCredential() : noMatch();
  });
  if (auth && !(await managesTicketOf(db, auth, matched.recipient.ticketId))) throw needsCredential();
  return { accepted: true, bounced: await markBounced(db, matched) };
}
