import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/client';
import * as t from '../../../../server/db/schema';
import { ingestMessage } from '../../../../server/mail/ingest/ingest-message';
import { databaseKinds, type TestServer } from '../../harness';
import { startWorld, type World } from '../../world';
import { composeMail, ticketThreads } from './ingest-fixture';
import type { MailboxRow } from '../../../../server/db/rows';

/** The routing of one message without an IMAP server: what a pass does for each UID it fetched. */
describe.each(databaseKinds)('ingestMessage on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let gmail: MailboxRow;
  let uid = 0;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
    const [row] = await db
      .insert(t.mailboxes)
      .values({
        departmentId: world.departments.support.id,
        host: 'imap.gmail.com',
        port: 993,
        secure: true,
        username: 'Support@Acme.test',
        secret: 'app-password',
        gmail: true,
        uidValidity: 7,
      })
      .returning();
    gmail = row!;
  });
  afterAll(() => server.close());

  const ingest = async (raw: string, gmailThreadId?: string) => ingestMessage(db, gmail, { uid: ++uid, source: Buffer.from(raw), gmailThreadId });

  it("Gmail: X-GM-THRID links the new ticket to the conversation (hex, the web page's thread id), and later mail in it threads there", async () => {
    const first = await ingest(await composeMail({ from: 'ivy@customer.test', to: 'support@acme.test', subject: 'Gmail question', text: 'Hi' }), '1846688052664074241');
    expect(first.outcome).toBe('ticket');
    const ticketId = (first as { ticketId: number }).ticketId;
    const links = await db.select().from(t.ticketWebmailThreads).where(eq(t.ticketWebmailThreads.ticketId, ticketId));
    expect(links).toEqual([{ ticketId, provider: 'gmail', mailbox: 'support@acme.test', threadId: '19a0c0ffee000001' }]);

    const followUp = await ingest(await composeMail({ from: 'ivy@customer.test', to: 'support@acme.test', subject: 'one more thing', text: 'Also this' }), '1846688052664074241');
    expect(followUp).toMatchObject({ outcome: 'thread', ticketId });
    expect(await ticketThreads(db, ticketId)).toHaveLength(2);
    const [row] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, gmail.id));
    expect(row!.lastUid).toBe(uid);
  });

  it('a conversation the extension already linked to a ticket receives the mail on that ticket', async () => {
    const [ticket] = await db
      .insert(t.tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.bob.id, subject: 'Created in Gmail' })
      .returning();
    await db.insert(t.ticketWebmailThreads).values({ ticketId: ticket!.id, provider: 'gmail', mailbox: 'support@acme.test', threadId: 'ff' });
    expect(await ingest(await composeMail({ from: 'bob@customer.test', to: 'support@acme.test', subject: 'more', text: 'x' }), '255')).toMatchObject({
      outcome: 'thread',
      ticketId: ticket!.id,
    });
  });

  it('the same message already on a ticket (saved by the extension, or from another mailbox) adds nothing', async () => {
    const raw = await composeMail({ from: 'alice@customer.test', to: 'support@acme.test', subject: 'Saved first', text: 'x', messageId: '<saved@customer.test>' });
    const [ticket] = await db
      .insert(t.tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'Saved first' })
      .returning();
    await db
      .insert(t.threads)
      .values({ ticketId: ticket!.id, direction: 'in', channel: 'email', from: 'alice@customer.test', subject: 'Saved first', messageId: 'saved@customer.test' });
    expect(await ingest(raw)).toMatchObject({ outcome: 'thread', ticketId: ticket!.id, note: 'Already on the ticket (same Message-ID); nothing added.' });
    expect(await ticketThreads(db, ticket!.id)).toHaveLength(1);
  });

  it('mail from one of our own addresses is refused, so our messages cannot loop back in as tickets', async () => {
    const result = await ingest(await composeMail({ from: 'noreply@acme.test', to: 'support@acme.test', subject: '[#1000] notice', text: 'x' }));
    expect(result).toMatchObject({ outcome: 'refused', note: 'Sent from our own address noreply@acme.test; ignored so our mail cannot loop.' });
  });

  it('Delivered-To / X-Original-To route a BCC or alias delivery to the department owning that address', async () => {
    const viaDelivered = await ingest(
      `Delivered-To: Returns@Acme.test\r\n${await composeMail({ from: 'liz@customer.test', to: 'someone@else.test', subject: 'Broken', text: 'x' })}`,
    );
    const viaOriginal = await ingest(
      `X-Original-To: billing@acme.test\r\n${await composeMail({ from: 'liz@customer.test', to: 'someone@else.test', subject: 'Invoice', text: 'x' })}`,
    );
    const departmentOf = async (result: Awaited<ReturnType<typeof ingest>>) =>
      (
        await db
          .select()
          .from(t.tickets)
          .where(eq(t.tickets.id, (result as { ticketId: number }).ticketId))
      )[0]!.departmentId;
    expect(await departmentOf(viaDelivered)).toBe(world.departments.returns.id);
    expect(await departmentOf(viaOriginal)).toBe(world.departments.billing.id);
  });

  it('a message without a sender address is refused, not turned into a ticket', async () => {
    expect(await ingest('To: support@acme.test\r\nSubject: nobody\r\nMessage-ID: <nobody@x.test>\r\n\r\nbody\r\n')).toEqual({
      outcome: 'refused',
      note: 'The message names no sender address.',
    });
  });

  it('the same Message-ID read a second time is seen, not applied', async () => {
    const raw = await composeMail({ from: 'jim@customer.test', to: 'support@acme.test', subject: 'Twice', text: 'x', messageId: '<twice@customer.test>' });
    expect((await ingest(raw)).outcome).toBe('ticket');
    expect(await ingest(raw)).toEqual({ outcome: 'seen' });
    const rows = await db
      .select()
      .from(t.ingestedMessages)
      .where(and(eq(t.ingestedMessages.mailboxId, gmail.id), eq(t.ingestedMessages.messageId, '<twice@customer.test>')));
    expect(rows).toHaveLength(1);
  });
});
