import type { MailboxTest, MailboxTestResult } from '../../core/schemas/mailbox';
import type { Db } from '../db/client';
import { notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';
import { testConnection, type TestTarget } from './connection-test';
import { managedMailbox } from './mailbox-scope';
import { guardSecret } from './secret-guard';

/** What to try: the fields as sent, or a saved mailbox of this department with the edits laid over it. */
async function testTarget(db: Db, auth: AuthContext, departmentId: number, body: MailboxTest): Promise<TestTarget> {
  if (!('mailboxId' in body)) return body;
  const { mailboxId, ...edits } = body;
  const saved = await managedMailbox(db, auth, mailboxId);
  if (saved.departmentId !== departmentId) throw notFound(`Mailbox ${mailboxId} of department ${departmentId}`);
  guardSecret(saved, edits);
  const { host, port, secure, username, secret, folder } = saved;
  return { host, port, secure, username, auth: saved.auth as TestTarget['auth'], secret, folder, ...edits };
}

/** Signs in with a mailbox's settings as typed (or saved, with edits) and lists its folders; settings.manage in the department. */
export async function testDepartmentMailbox(db: Db, auth: AuthContext, departmentId: number, body: MailboxTest): Promise<MailboxTestResult> {
  await managedDepartment(db, auth, departmentId);
  return testConnection(await testTarget(db, auth, departmentId, body));
}
