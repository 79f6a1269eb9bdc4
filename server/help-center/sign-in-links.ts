import { and, count, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, helpCenterLinks } from '../db/schema';
import { recordNotice } from '../mail/notice-queue';
import type { Messages } from './messages';
import { hashToken, newSecret } from './secrets';
import { visibleTickets } from './ticket-access';
import { signInLinkUrl } from './urls';
import type { DepartmentRow } from '../db/rows';

export const LINK_MINUTES = 15;
/** Links per address per LINK_MINUTES: enough for a lost mail or two, too few to flood a mailbox. */
const LINKS_PER_ADDRESS = 5;

export interface LinkRequest {
  email: string;
  department: DepartmentRow;
  ticketId: number | null;
  m: Messages;
  publicUrl: string;
}

/** A contact who may sign in here: a real, reachable customer following at least one visible ticket. */
async function eligibleContact(tx: Db, email: string, department: DepartmentRow) {
  const [contact] = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(sql`lower(${contacts.email})`, email.trim().toLowerCase()),
        isNotNull(contacts.email),
        eq(contacts.deleted, false),
        eq(contacts.spam, false),
        eq(contacts.anonymous, false),
      ),
    )
    // Serializes requests for one address, so the per-address count below cannot be raced past.
    .for('update');
  if (!contact) return null;
  const [ticket] = await visibleTickets(tx, { contactId: contact.id, department });
  return ticket ? contact : null;
}

async function recentLinks(tx: Db, contactId: number, departmentId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(helpCenterLinks)
    .where(
      and(
        eq(helpCenterLinks.contactId, contactId),
        eq(helpCenterLinks.departmentId, departmentId),
        gt(helpCenterLinks.createdAt, sql`now() - make_interval(mins => ${LINK_MINUTES})`),
      ),
    );
  return row!.n;
}

/**
 * Records a sign-in link and its mail when the address may sign in and has not hit its limit.
 * Callers answer the same page whatever happens here, so nobody learns which addresses exist.
 */
export async function requestSignInLink(db: Db, request: LinkRequest): Promise<void> {
  const { department, m } = request;
  await db.transaction(async (t) => {
    const tx = t as Db;
    const contact = await eligibleContact(tx, request.email, department);
    if (!contact || (await recentLinks(tx, contact.id, department.id)) >= LINKS_PER_ADDRESS) return;
    const token = newSecret();
    await tx.insert(helpCenterLinks).values({
      tokenHash: hashToken(token),
      contactId: contact.id,
      departmentId: department.id,
      ticketId: request.ticketId,
      expiresAt: sql`now() + make_interval(mins => ${LINK_MINUTES})`,
    });
    await recordNotice(tx, {
      kind: 'sign_in_link',
      to: [contact.email!],
      subject: m.mail.subject(department.name),
      bodyText: m.mail.body(department.name, signInLinkUrl(request.publicUrl, department.id, token)),
      departmentId: department.id,
      ...(request.ticketId === null ? {} : { ticketId: request.ticketId }),
    });
  });
}

const usable = (token: string, departmentId: number) =>
  and(eq(helpCenterLinks.tokenHash, hashToken(token)), eq(helpCenterLinks.departmentId, departmentId), isNull(helpCenterLinks.usedAt), gt(helpCenterLinks.expiresAt, sql`now()`));

/** Looks without using it up: opening the link (or a mail scanner prefetching it) must not sign anyone in. */
export async function isUsableLink(db: Db, token: string, departmentId: number): Promise<boolean> {
  const [row] = await db.select({ id: helpCenterLinks.id }).from(helpCenterLinks).where(usable(token, departmentId));
  return row !== undefined;
}

/**
 * Uses the link up in one statement, so two presses of the button sign in once. Another
 * department's link is not found here and stays usable where it belongs.
 */
export async function consumeSignInLink(db: Db, token: string, departmentId: number) {
  const [link] = await db
    .update(helpCenterLinks)
    .set({ usedAt: sql`now()` })
    .where(usable(token, departmentId))
    .returning({ contactId: helpCenterLinks.contactId, ticketId: helpCenterLinks.ticketId });
  return link ?? null;
}
