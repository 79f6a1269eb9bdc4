import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments, mailboxes } from '../db/schema';
import { isSealed, SecretKeyMismatch } from './secret-box';
import { mailboxSetting, smtpSetting } from './setting-names';
import { openSecret, sealSecret } from './stored-secrets';

export interface ResealResult {
  /** Values stored in plain text before encryption, encrypted now. */
  sealed: number;
  /** Values this key cannot open (saved with another key), named for the start-up log. */
  unreadable: string[];
}

/** Whether a stored value is readable with the current key; a mismatch is collected, not thrown. */
function check(stored: string, setting: string, unreadable: string[]): void {
  try {
    openSecret(stored, setting);
  } catch (error) {
    if (!(error instanceof SecretKeyMismatch)) throw error;
    unreadable.push(setting);
  }
}

/**
 * Run at start-up (and by `migrate`): encrypts every secret still stored in plain text, so none
 * lingers after an upgrade, and lists those the key cannot open instead of stopping the server
 * (a restart would not fix them: the admin re-enters them, or starts with the right key). A
 * value changed meanwhile by another instance is left as that instance wrote it.
 */
export async function resealStoredSecrets(db: Db): Promise<ResealResult> {
  const result: ResealResult = { sealed: 0, unreadable: [] };
  for (const m of await db.select({ id: mailboxes.id, username: mailboxes.username, host: mailboxes.host, secret: mailboxes.secret }).from(mailboxes)) {
    if (isSealed(m.secret)) check(m.secret, mailboxSetting(m), result.unreadable);
    else {
      await db
        .update(mailboxes)
        .set({ secret: sealSecret(m.secret) })
        .where(and(eq(mailboxes.id, m.id), eq(mailboxes.secret, m.secret)));
      result.sealed++;
    }
  }
  const smtp = await db.select({ id: departments.id, name: departments.name, smtpUrl: departments.smtpUrl }).from(departments).where(isNotNull(departments.smtpUrl));
  for (const d of smtp) {
    if (isSealed(d.smtpUrl!)) check(d.smtpUrl!, smtpSetting(d), result.unreadable);
    else {
      await db
        .update(departments)
        .set({ smtpUrl: sealSecret(d.smtpUrl!) })
        .where(and(eq(departments.id, d.id), eq(departments.smtpUrl, d.smtpUrl!)));
      result.sealed++;
    }
  }
  return result;
}
