import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/client';
import * as t from '../../../../server/db/schema';
import { MailIngest } from '../../../../server/mail/ingest/mail-ingest';
import { databaseKinds, type TestServer } from '../../harness';
import { startWorld, type World } from '../../world';
import { ImapPeer, imapUnavailable } from '../imap-peer';
import { addMailbox, composeMail, folderName } from './ingest-fixture';

const title = imapUnavailable ? `MailIngest service (skipped: ${imapUnavailable})` : 'MailIngest service';

async function eventually<T>(probe: () => Promise<T | undefined | null | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(imapUnavailable !== null).each(databaseKinds)(`${title} on %s`, (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  const peer = new ImapPeer();
  const lines: string[] = [];

  beforeAll(async () => {
    await peer.start();
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await peer.close();
  });

  const ticketTitled = (subject: string) => async () => (await db.select().from(t.tickets).where(eq(t.tickets.subject, subject)))[0];

  it('watches enabled mailboxes: mail delivered while it runs becomes a ticket at once (IDLE, not the 10-minute poll)', async () => {
    const folder = folderName();
    await peer.append([await composeMail({ from: 'kim@customer.test', to: 'support@acme.test', subject: 'Before start', text: 'x' })], folder);
    const mailbox = await addMailbox(db, peer, world.departments.support.id, folder);
    const off = await addMailbox(db, peer, world.departments.support.id, folder, { enabled: false });
    const wrong = await addMailbox(db, peer, world.departments.support.id, folder, { secret: 'wrong-password' });
    const ingest = new MailIngest(db, { timing: { pollMs: 120_000, backoffMs: 60_000 }, reloadMs: 200, log: (line) => lines.push(line) });
    await ingest.start();
    try {
      expect(ingest.watching).toBe(2);
      await eventually(ticketTitled('Before start'));
      // Dovecot slows sign-ins from an address after a failed one, so the clock starts once the mail is in.
      await peer.append([await composeMail({ from: 'kim@customer.test', to: 'support@acme.test', subject: 'While running', text: 'x' })], folder);
      const delivered = Date.now();
      await eventually(ticketTitled('While running'));
      expect(Date.now() - delivered).toBeLessThan(3_000);

      const failed = await eventually(async () => (await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, wrong.id)))[0]?.lastError);
      expect(failed).toMatch(/^Sign-in failed: the server refused the username or password/);
      expect(lines.some((l) => l.startsWith(`Mailbox ${peer.username} ${folder}: Sign-in failed`) && l.endsWith('Retrying in 60 s.'))).toBe(true);
      const [skipped] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, off.id));
      expect(skipped).toMatchObject({ lastPolledAt: null, lastUid: 0 });
      const [read] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, mailbox.id));
      expect(read).toMatchObject({ lastUid: 2, lastError: null });

      // An admin disables a mailbox: the next reload stops its watcher.
      await db.update(t.mailboxes).set({ enabled: false }).where(eq(t.mailboxes.id, wrong.id));
      await eventually(async () => ingest.watching === 1);
    } finally {
      await ingest.stop();
    }
    expect(ingest.watching).toBe(0);
    // Each message once, although the stopped and running passes overlapped with reloads.
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(t.ingestedMessages)
      .where(eq(t.ingestedMessages.mailboxId, mailbox.id));
    expect(count!.n).toBe(2);
  }, 30_000);
});
