import { lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { helpCenterLinks, helpCenterSessions } from '../db/schema';

/**
 * Sign-in links and sessions are useless once expired; keeping their hashes only grows the tables.
 * A used link stays until it expires, since the per-address limit counts the links of the last 15
 * minutes. Answers how many rows went.
 */
export async function purgeExpiredCredentials(db: Db, now = new Date()): Promise<number> {
  const links = await db.delete(helpCenterLinks).where(lt(helpCenterLinks.expiresAt, now)).returning({ id: helpCenterLinks.id });
  const sessions = await db.delete(helpCenterSessions).where(lt(helpCenterSessions.expiresAt, now)).returning({ id: helpCenterSessions.id });
  return links.length + sessions.length;
}
