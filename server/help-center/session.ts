import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/client';
import { contacts, helpCenterSessions } from '../db/schema';
import { hashToken, newSecret } from './secrets';
import { helpCenterUrl } from './urls';

const SESSION_SECONDS = 8 * 60 * 60;
const COOKIE = 'help_session';

/** A signed-in contact, in the one department its session belongs to (R-CC-8). */
export interface Visitor {
  sessionId: number;
  contactId: number;
  email: string;
  name: string;
  csrfToken: string;
}

/** Scoped to the department's pages, so a session never reaches another department or the API. */
function cookieOptions(publicUrl: string, departmentId: number) {
  return { path: helpCenterUrl('', departmentId), httpOnly: true, sameSite: 'Lax' as const, secure: publicUrl.startsWith('https:') };
}

export async function startSession(db: Db, c: Context, input: { contactId: number; departmentId: number; publicUrl: string }): Promise<void> {
  const token = newSecret();
  await db.insert(helpCenterSessions).values({
    tokenHash: hashToken(token),
    contactId: input.contactId,
    departmentId: input.departmentId,
    csrfToken: newSecret(),
    expiresAt: sql`now() + make_interval(secs => ${SESSION_SECONDS})`,
  });
  setCookie(c, COOKIE, token, { ...cookieOptions(input.publicUrl, input.departmentId), maxAge: SESSION_SECONDS });
}

/** The session's contact, unless it expired or the contact was since deleted or marked spam. */
export async function currentVisitor(db: Db, c: Context, departmentId: number): Promise<Visitor | null> {
  const token = getCookie(c, COOKIE);
  if (!token) return null;
  const [row] = await db
    .select({ sessionId: helpCenterSessions.id, contactId: contacts.id, email: contacts.email, name: contacts.name, csrfToken: helpCenterSessions.csrfToken })
    .from(helpCenterSessions)
    .innerJoin(contacts, eq(contacts.id, helpCenterSessions.contactId))
    .where(
      and(
        eq(helpCenterSessions.tokenHash, hashToken(token)),
        eq(helpCenterSessions.departmentId, departmentId),
        gt(helpCenterSessions.expiresAt, sql`now()`),
        eq(contacts.deleted, false),
        eq(contacts.spam, false),
        eq(contacts.anonymous, false),
        isNotNull(contacts.email),
      ),
    );
  return row ? { ...row, email: row.email! } : null;
}

export async function endSession(db: Db, c: Context, input: { sessionId: number; departmentId: number; publicUrl: string }): Promise<void> {
  await db.delete(helpCenterSessions).where(eq(helpCenterSessions.id, input.sessionId));
  deleteCookie(c, COOKIE, cookieOptions(input.publicUrl, input.departmentId));
}
