import type { ImapFlow } from 'imapflow';
import type { MailboxTestResult } from '../../core/schemas/mailbox';
import { connectImap, describeImapError, type ImapSettings } from '../mail/ingest/imap-connection';

/** An admin waits for the answer: past this, a silent server is reported instead of waited for. */
export const TEST_DEADLINE_MS = 15_000;

export interface TestTarget extends ImapSettings {
  folder: string;
}

/** INBOX is the inbox in any case (RFC 3501); other folder names compare exactly. */
const sameFolder = (a: string, b: string) => a === b || (a.toUpperCase() === 'INBOX' && b.toUpperCase() === 'INBOX');

async function inspect(client: ImapFlow, target: TestTarget): Promise<MailboxTestResult> {
  const capabilities = [...client.capabilities.keys()].sort();
  const folders = (await client.list()).map((f) => f.path).sort();
  const seen = { gmail: client.capabilities.has('X-GM-EXT-1'), folders, capabilities };
  if (!folders.some((f) => sameFolder(f, target.folder))) {
    return { ok: false, message: `Signed in, but there is no folder "${target.folder}": pick one of the folders listed.`, ...seen };
  }
  return { ok: true, message: `Signed in to ${target.host} as ${target.username}; the folder "${target.folder}" exists.`, ...seen };
}

const tooSlow = (ms: number): MailboxTestResult => ({
  ok: false,
  message: `The server did not finish answering within ${ms / 1000} s: check the host, the port and whether TLS is on for this port.`,
});

/**
 * Signs in, lists the folders and checks the one to read exists. Every failure is an answer with
 * the one line describeImapError gives, never a throw: the admin fixes the settings from it.
 */
export async function testConnection(target: TestTarget, deadlineMs = TEST_DEADLINE_MS): Promise<MailboxTestResult> {
  let client: ImapFlow | undefined;
  const limits = { connectionTimeout: deadlineMs, greetingTimeout: deadlineMs, socketTimeout: deadlineMs };
  const attempt = connectImap(target, limits)
    .then((connected) => inspect((client = connected), target))
    .catch((error: unknown): MailboxTestResult => ({ ok: false, message: describeImapError(error) }));
  let timer: NodeJS.Timeout | undefined;
  const late = tooSlow(deadlineMs);
  const deadline = new Promise<MailboxTestResult>((resolve) => {
    timer = setTimeout(() => resolve(late), deadlineMs);
  });
  const result = await Promise.race([attempt, deadline]);
  clearTimeout(timer);
  // The connection ends either way: a stalled one at once, a late one when it finally answers.
  if (result === late) client?.close();
  void attempt.then(() => client?.logout()).catch(() => client?.close());
  return result;
}
