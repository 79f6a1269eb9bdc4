import type { MailboxTest, MailboxTestResult } from '../../core/schemas/mailbox';
import type { Db } from '../db/client';
import { notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';
import { testConnection, type TestTarget } from './connection-test';
import { managedMailbox } from './mailbox-scope';
import { guardSecret } from './secret-guard';
import { mailboxSetting } from '../secrets/setting-names';
import { SecretKeyMismatch } from '../secrets/secret-box';
import { openSecret } from '../secrets/stored-secrets';

/** What to try: the fields as sent, or a saved mailbox of this department with the edits laid over it. */
async function testTarget(db: Db, auth: AuthContext, departmentId: number, body: MailboxTest): Promise<TestTarget> {
  if (!('mailboxId' in body)) return body;
  const { mailboxId, ...edits } = body;
  const saved = await managedMailbox(db, auth, mailboxId);
  if (saved.departmentId !== departmentId) throw notFound(`Mailbox ${mailboxId} of department ${departmentId}`);
  guardSecret(saved, edits);
  const { host, port, secure, username, folder } = saved;
  // A new secret in the edits is tried as typed; the saved one is only opened when it is used.
  const secret = edits.secret ?? openSecret(saved.secret, mailboxSetting(saved));
  return { host, port, secure, username, auth: saved.auth as TestTarget['auth'], folder, ...edits, secret };
}

/** Signs in with a mailbox's settings as typed (or saved, with edits) and lists its folders; settings.manage in the department. */
export async function testDepartmentMailbox(db: Db, auth: AuthContext, departmentId: number, body: MailboxTest): Promise<MailboxTestResult> {
  await managedDepartment(db, auth, departmentId);
  let target: TestTarget;
  try {
    target = await testTarget(db, auth, departmentId, body);
  } catch (error) {
    // Answered like any failed sign-in: the admin fixes it by entering the secret again.
    if (error instanceof SecretKeyMismatch) return { ok: false, message: error.message };
    throw error;
  }
  return testConnection(target);
}
