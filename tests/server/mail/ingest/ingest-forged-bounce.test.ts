import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/client';
import * as t from '../../../../server/db/schema';
import { databaseKinds, type TestServer } from '../../harness';
import { startWorld, type World } from '../../world';
import { dsnMessage, sentRecipient } from '../dsn-fixture';
import { ImapPeer, imapUnavailable } from '../imap-peer';
import { deliverOnce } from './ingest-fixture';

const title = imapUnavailable ? `bounces mailed to the support mailbox (skipped: ${imapUnavailable})` : 'bounces mailed to the support mailbox';

describe.skipIf(imapUnavailable !== null).each(databaseKinds)(`${title}: only a report about its token's recipient counts (issue 21), on %s`, (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  const peer = new ImapPeer();

  beforeAll(async () => {
    await peer.start();
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await peer.close();
  });

  const deliver = (messages: string[]) => deliverOnce(db, peer, world.departments.support.id, messages);
  const recipient = (address: string) => sentRecipient(db, world.departments.support.id, world.contacts.alice.id, address);
  const statusOf = async (id: number) => (await db.select().from(t.replyRecipients).where(eq(t.replyRecipients.id, id)))[0]!.status;
  const ticketCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(t.tickets))[0]!.n;

  it('a forged bounce whose Final-Recipient is not its token’s recipient marks nothing bounced, is ignored with why, and makes no ticket', async () => {
    const victim = await recipient('victim@customer.test');
    const before = await ticketCount();
    const { counts, rows } = await deliver([dsnMessage({ token: victim.token, finalRecipient: 'attacker@evil.test' })]);
    expect(await statusOf(victim.id)).toBe('sent');
    expect(counts).toMatchObject({ bounce: 0, refused: 1, ticket: 0 });
    expect(rows[0]).toMatchObject({ outcome: 'refused', ticketId: null, note: expect.stringMatching(/^Ignored: bounce does not match\./) });
    expect(await ticketCount()).toBe(before);
  });

  it('a forged report naming the address only in a delay block, with a failure for another address, marks nothing bounced', async () => {
    const victim = await recipient('victim2@customer.test');
    const delayed = dsnMessage({ token: victim.token, finalRecipient: victim.address, action: 'delayed' });
    const twoBlocks = delayed.replace('Action: delayed\r\n', 'Action: delayed\r\n\r\nFinal-Recipient: rfc822; attacker@evil.test\r\nAction: failed\r\n');
    const { counts } = await deliver([twoBlocks]);
    expect(counts).toMatchObject({ bounce: 1 });
    expect(await statusOf(victim.id)).toBe('sent');
  });

  it('a genuine bounce (VERP address or returned header) marks its recipient bounced, with the diagnostic', async () => {
    const [byHeader, byVerp] = [await recipient('gone@customer.test'), await recipient('Moved.Away@Customer.test')];
    const { counts, rows } = await deliver([
      dsnMessage({ token: byHeader.token, finalRecipient: byHeader.address }),
      dsnMessage({ token: byVerp.token, finalRecipient: 'moved.away@customer.test', via: 'verp' }),
    ]);
    expect(counts).toMatchObject({ bounce: 2, refused: 0, ticket: 0 });
    expect(rows.map((r) => r.outcome)).toEqual(['bounce', 'bounce']);
    const [row] = await db.select().from(t.replyRecipients).where(eq(t.replyRecipients.id, byHeader.id));
    expect(row).toMatchObject({ status: 'bounced', smtpResponse: '5.1.1 550 5.1.1 no such user' });
    expect(await statusOf(byVerp.id)).toBe('bounced');
  });
});
