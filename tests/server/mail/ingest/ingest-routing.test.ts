import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/client';
import * as t from '../../../../server/db/schema';
import { databaseKinds, type TestServer } from '../../harness';
import { startWorld, type World } from '../../world';
import { dsnMessage } from '../dsn-fixture';
import { ImapPeer, imapUnavailable } from '../imap-peer';
import { composeMail, deliverOnce, sentReply, ticketRow, ticketThreads } from './ingest-fixture';

const title = imapUnavailable ? `mail ingestion over IMAP (skipped: ${imapUnavailable})` : 'mail ingestion over IMAP';

describe.skipIf(imapUnavailable !== null).each(databaseKinds)(`${title}: what each message becomes, on %s`, (kind) => {
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

  /** Delivers the messages to a fresh folder read by a new Support mailbox, and reads it once. */
  const deliver = (messages: string[], departmentId = world.departments.support.id) => deliverOnce(db, peer, departmentId, messages);

  async function customerTicket(subject: string, status = 'open') {
    const [row] = await db
      .insert(t.tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject, status, lastThreadChannel: 'email' })
      .returning();
    return row!;
  }

  it('a new message becomes an email ticket in the department that owns the address, contact created from From', async () => {
    const raw = await composeMail({
      from: 'Carol Client <carol@customer.test>',
      to: 'billing@acme.test',
      subject: 'Charged twice',
      text: 'My card was charged twice.',
      messageId: '<first-1@customer.test>',
    });
    const { mailbox, counts, rows } = await deliver([raw]);
    expect(counts).toMatchObject({ ticket: 1, thread: 0 });
    const ticket = await ticketRow(db, rows[0]!.ticketId!);
    expect(ticket).toMatchObject({
      departmentId: world.departments.billing.id,
      channel: 'email',
      subject: 'Charged twice',
      status: 'open',
      lastThreadChannel: 'email',
      spam: false,
    });
    const [contact] = await db.select().from(t.contacts).where(eq(t.contacts.id, ticket.contactId));
    expect(contact).toMatchObject({ email: 'carol@customer.test', name: 'Carol Client' });
    const [thread] = await ticketThreads(db, ticket.id);
    expect(thread).toMatchObject({ direction: 'in', channel: 'email', from: 'carol@customer.test', to: ['billing@acme.test'], messageId: '<first-1@customer.test>' });
    expect(thread!.bodyText).toContain('charged twice');
    expect(rows[0]).toMatchObject({ outcome: 'ticket', messageId: '<first-1@customer.test>', threadId: thread!.id });
    const [after] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, mailbox.id));
    expect(after).toMatchObject({ lastUid: 1, lastError: null });
    expect(after!.uidValidity).toBeGreaterThan(0);
    expect(after!.lastPolledAt).toBeNull();
  });

  it('an address no department owns goes to the mailbox department; a missing Message-ID gets a stable one', async () => {
    const raw = (await composeMail({ from: 'dan@customer.test', to: 'desk@acme.test', subject: 'Hello', text: 'Hi' })).replace(/^Message-ID:.*\r\n/im, '');
    const { rows } = await deliver([raw], world.departments.returns.id);
    expect((await ticketRow(db, rows[0]!.ticketId!)).departmentId).toBe(world.departments.returns.id);
    expect(rows[0]!.messageId).toMatch(/^<[0-9a-f]{64}@inbox-desk\.invalid>$/);
  });

  it('a reply by In-Reply-To, and one by References only, become incoming threads on the ticket; history says customer_replied', async () => {
    const ticket = await customerTicket('Cannot log in again');
    const ours = await sentReply(db, ticket.id, 'alice@customer.test');
    const byInReplyTo = await composeMail({
      from: 'alice@customer.test',
      to: 'support@acme.test',
      subject: 'Re: help',
      text: 'Still broken',
      inReplyTo: ours.messageId!,
      references: [ours.messageId!],
    });
    const byReferences = await composeMail({
      from: 'alice@customer.test',
      to: 'support@acme.test',
      subject: 'Re: help',
      text: 'Any news?',
      references: ['<unknown@elsewhere.test>', ours.messageId!],
    });
    const { counts, rows } = await deliver([byInReplyTo, byReferences]);
    expect(counts).toMatchObject({ ticket: 0, thread: 2 });
    expect(rows.map((r) => r.ticketId)).toEqual([ticket.id, ticket.id]);
    const threads = await ticketThreads(db, ticket.id);
    expect(threads.map((th) => [th.direction, th.bodyText.trim()])).toEqual([
      ['out', 'We are on it.'],
      ['in', 'Still broken'],
      ['in', 'Any news?'],
    ]);
    expect(threads[1]!.inReplyTo).toBe(ours.messageId);
    const after = await ticketRow(db, ticket.id);
    expect(after.version).toBe(ticket.version + 2);
    const history = await db.select().from(t.ticketHistory).where(eq(t.ticketHistory.ticketId, ticket.id));
    expect(history.map((h) => [h.action, h.agentId])).toEqual([
      ['customer_replied', null],
      ['customer_replied', null],
    ]);
  });

  it('[#number] in the subject threads the mail onto that ticket, only within the mailbox department', async () => {
    const ticket = await customerTicket('Password reset');
    const [billing] = await db
      .insert(t.tickets)
      .values({ departmentId: world.departments.billing.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'Invoice' })
      .returning();
    const raws = [
      await composeMail({ from: 'alice@customer.test', to: 'support@acme.test', subject: `Re: [#${ticket.number}] Password reset`, text: 'Done, thanks' }),
      await composeMail({ from: 'alice@customer.test', to: 'support@acme.test', subject: `Re: [#${billing!.number}] Invoice`, text: 'Wrong department' }),
    ];
    const { rows } = await deliver(raws);
    expect(rows[0]).toMatchObject({ outcome: 'thread', ticketId: ticket.id });
    expect(rows[1]!.outcome).toBe('ticket');
    expect(rows[1]!.ticketId).not.toBe(billing!.id);
  });

  it('a reply reopens a closed ticket, unless the department turned reopenOnReply off', async () => {
    const closed = await customerTicket('Closed one', 'closed');
    const ours = await sentReply(db, closed.id, 'alice@customer.test');
    await deliver([await composeMail({ from: 'alice@customer.test', to: 'support@acme.test', subject: 'Re: help', text: 'Not fixed', inReplyTo: ours.messageId! })]);
    expect((await ticketRow(db, closed.id)).status).toBe('open');
    const [history] = await db.select().from(t.ticketHistory).where(eq(t.ticketHistory.ticketId, closed.id));
    expect(history!.changes).toMatchObject({ status: { from: 'closed', to: 'open' } });

    await db.update(t.departments).set({ reopenOnReply: false }).where(eq(t.departments.id, world.departments.support.id));
    try {
      const stays = await customerTicket('Stays closed', 'closed');
      const reply = await sentReply(db, stays.id, 'alice@customer.test');
      const { rows } = await deliver([
        await composeMail({ from: 'alice@customer.test', to: 'support@acme.test', subject: 'Re: help', text: 'Thanks!', inReplyTo: reply.messageId! }),
      ]);
      expect(rows[0]).toMatchObject({ outcome: 'thread', ticketId: stays.id });
      expect((await ticketRow(db, stays.id)).status).toBe('closed');
    } finally {
      await db.update(t.departments).set({ reopenOnReply: true }).where(eq(t.departments.id, world.departments.support.id));
    }
  });

  it('a reply to a merged-away ticket lands on the primary; a reply to a ticket in the trash opens a new one', async () => {
    const primary = await customerTicket('Primary');
    const merged = await customerTicket('Merged away');
    const ours = await sentReply(db, merged.id, 'alice@customer.test');
    await db.update(t.tickets).set({ mergedIntoId: primary.id, trashedAt: new Date() }).where(eq(t.tickets.id, merged.id));
    const trashed = await customerTicket('Deleted');
    const toTrashed = await sentReply(db, trashed.id, 'alice@customer.test');
    await db.update(t.tickets).set({ trashedAt: new Date() }).where(eq(t.tickets.id, trashed.id));
    const { rows } = await deliver([
      await composeMail({ from: 'alice@customer.test', to: 'support@acme.test', subject: 'Re: help', text: 'On the merged one', inReplyTo: ours.messageId! }),
      await composeMail({ from: 'alice@customer.test', to: 'support@acme.test', subject: 'Re: help', text: 'On the trashed one', inReplyTo: toTrashed.messageId! }),
    ]);
    expect(rows[0]).toMatchObject({ outcome: 'thread', ticketId: primary.id });
    expect(rows[1]!.outcome).toBe('ticket');
    expect(rows[1]!.ticketId).not.toBe(trashed.id);
  });

  it('R-CC-6 To/CC recipients of a new e-mail become secondary contacts, never the sender or the support address', async () => {
    const raw = await composeMail({
      from: 'frank@customer.test',
      to: ['support@acme.test', 'grace@customer.test'],
      cc: 'Partner One <cc1@partner.test>',
      subject: 'Team access',
      text: 'Please add my colleagues.',
    });
    const { rows } = await deliver([raw]);
    const ticket = await ticketRow(db, rows[0]!.ticketId!);
    const followers = await db.select({ email: t.contacts.email }).from(t.contacts).where(inArray(t.contacts.id, ticket.secondaryContactIds));
    expect(followers.map((f) => f.email).sort()).toEqual(['cc1@partner.test', 'grace@customer.test']);
  });

  it('R-BULK-12 mail from a sender marked spam becomes a spam ticket', async () => {
    const { counts, rows } = await deliver([await composeMail({ from: 'spammer@junk.test', to: 'support@acme.test', subject: 'Cheap watches', text: 'Buy now' })]);
    expect(counts).toMatchObject({ spam: 1, ticket: 0 });
    expect(rows[0]!.outcome).toBe('spam');
    expect((await ticketRow(db, rows[0]!.ticketId!)).spam).toBe(true);
  });

  it('a delivery-status notification (RFC 3464) marks the reply recipient bounced and creates no ticket', async () => {
    const ticket = await customerTicket('Bounce target');
    const ours = await sentReply(db, ticket.id, 'gone@customer.test');
    const token = randomBytes(16).toString('base64url');
    await db.insert(t.replyRecipients).values({ ticketId: ticket.id, threadId: ours.id, address: 'gone@customer.test', kind: 'to', token, status: 'sent' });
    const dsn = (reportToken: string) => dsnMessage({ token: reportToken, finalRecipient: 'gone@customer.test' });
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(t.tickets);
    const { counts, rows } = await deliver([dsn(token), dsn(randomBytes(16).toString('base64url'))]);
    expect(counts).toMatchObject({ bounce: 1, refused: 1, ticket: 0 });
    const [recipient] = await db.select().from(t.replyRecipients).where(eq(t.replyRecipients.token, token));
    expect(recipient).toMatchObject({ status: 'bounced', smtpResponse: '5.1.1 550 5.1.1 no such user' });
    expect(rows[1]!.note).toContain('Delivery report not matched');
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(t.tickets)).toEqual(before);
  });

  it('auto-replies are ignored: no ticket, no thread on the ticket they answer, nothing sent', async () => {
    const ticket = await customerTicket('Auto target');
    const ours = await sentReply(db, ticket.id, 'alice@customer.test');
    const count = async () =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(t.outgoingMail))[0]!.n + (await db.select({ n: sql<number>`count(*)::int` }).from(t.tickets))[0]!.n;
    const before = await count();
    const { counts, rows } = await deliver([
      await composeMail({
        from: 'alice@customer.test',
        to: 'support@acme.test',
        subject: 'Automatic reply: help',
        text: 'I am away',
        inReplyTo: ours.messageId!,
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
      await composeMail({ from: 'bob@customer.test', to: 'support@acme.test', subject: 'Out of Office: your ticket', text: 'Back on Monday' }),
      await composeMail({ from: 'bob@customer.test', to: 'support@acme.test', subject: 'Re: thanks', text: 'autoresponder', headers: { 'X-Autoreply': 'yes' } }),
    ]);
    expect(counts).toMatchObject({ auto_reply: 3, ticket: 0, thread: 0 });
    expect(rows.every((r) => r.ticketId === null)).toBe(true);
    expect(await count()).toBe(before);
    expect(await ticketThreads(db, ticket.id)).toHaveLength(1);
  });

  it('attachments are kept with the thread; one above the department limit is refused with a note on the thread', async () => {
    await db
      .update(t.departments)
      .set({ maxAttachmentBytes: 2 * 1024 * 1024 })
      .where(eq(t.departments.id, world.departments.support.id));
    try {
      const small = Buffer.from('%PDF-1.4 small invoice');
      const big = Buffer.alloc(3 * 1024 * 1024, 7);
      const raw = await composeMail({
        from: 'alice@customer.test',
        to: 'support@acme.test',
        subject: 'Files',
        text: 'See attached.',
        attachments: [
          { filename: 'invoice.pdf', content: small, contentType: 'application/pdf' },
          { filename: 'report.pdf', content: big, contentType: 'application/pdf' },
        ],
      });
      const { rows } = await deliver([raw]);
      const stored = await db.select().from(t.attachments).where(eq(t.attachments.threadId, rows[0]!.threadId!));
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ filename: 'invoice.pdf', contentType: 'application/pdf', size: small.length });
      expect(Buffer.compare(stored[0]!.content, small)).toBe(0);
      const note = 'Attachment report.pdf (3 MB) was not kept: the department accepts at most 2 MB per file.';
      const [thread] = await db
        .select()
        .from(t.threads)
        .where(and(eq(t.threads.id, rows[0]!.threadId!)));
      expect(thread!.bodyText).toContain(note);
      expect(rows[0]!.note).toBe(note);
    } finally {
      await db
        .update(t.departments)
        .set({ maxAttachmentBytes: 10 * 1024 * 1024 })
        .where(eq(t.departments.id, world.departments.support.id));
    }
  });
});
