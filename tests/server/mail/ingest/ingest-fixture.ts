import { randomBytes } from 'node:crypto';
import { eq, ne } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type { Db } from '../../../../server/db/client';
import * as t from '../../../../server/db/schema';
import { connectImap } from '../../../../server/mail/ingest/imap-connection';
import { fetchNewMail, type PassCounts } from '../../../../server/mail/ingest/mailbox-pass';
import { sealSecret } from '../../../../server/secrets/stored-secrets';
import type { ImapPeer } from '../imap-peer';

/** A raw RFC 5322 message as a mail server would store it, composed by nodemailer. */
export async function composeMail(options: Mail.Options): Promise<string> {
  const message = new MailComposer({ date: new Date(Date.now() - 60_000), ...options }).compile();
  return (await message.build()).toString('utf8');
}

/** A mailbox row reading `folder` on the peer, for `departmentId`, its secret encrypted as saved; other mailboxes are left alone. */
export async function addMailbox(db: Db, peer: ImapPeer, departmentId: number, folder: string, overrides: Partial<typeof t.mailboxes.$inferInsert> = {}) {
  const [row] = await db
    .insert(t.mailboxes)
    .values({ departmentId, ...peer.settings({ folder }), ...overrides, secret: sealSecret(overrides.secret ?? peer.password) })
    .returning();
  return row!;
}

/** One pass over one mailbox, as the service does it. */
export async function readMailbox(db: Db, peer: ImapPeer, mailboxId: number): Promise<PassCounts> {
  const client = await connectImap(peer.settings());
  try {
    return await fetchNewMail(db, client, mailboxId);
  } finally {
    await client.logout();
  }
}

/** Leaves only this mailbox enabled, for the passes over every mailbox (ingestOnce, MailIngest). */
export async function onlyMailbox(db: Db, mailboxId: number): Promise<void> {
  await db.update(t.mailboxes).set({ enabled: false }).where(ne(t.mailboxes.id, mailboxId));
}

export async function ingested(db: Db, mailboxId: number) {
  return db.select().from(t.ingestedMessages).where(eq(t.ingestedMessages.mailboxId, mailboxId)).orderBy(t.ingestedMessages.uid);
}

export async function ticketThreads(db: Db, ticketId: number) {
  return db.select().from(t.threads).where(eq(t.threads.ticketId, ticketId)).orderBy(t.threads.id);
}

export async function ticketRow(db: Db, ticketId: number) {
  const [row] = await db.select().from(t.tickets).where(eq(t.tickets.id, ticketId));
  return row!;
}

/** An agent's reply already sent on a ticket: the 'out' thread customers answer, with its Message-ID. */
export async function sentReply(db: Db, ticketId: number, to: string) {
  const messageId = `<${randomBytes(8).toString('hex')}@acme.test>`;
  const [thread] = await db
    .insert(t.threads)
    .values({ ticketId, direction: 'out', channel: 'email', from: 'noreply@acme.test', to: [to], subject: 'Re: help', bodyText: 'We are on it.', messageId })
    .returning();
  return thread!;
}

let folders = 0;
/** A fresh folder per test, so tests sharing one IMAP server do not read each other's mail. */
export function folderName(): string {
  folders += 1;
  return `T${process.pid}x${folders}`;
}

/** Mails the messages to a fresh folder of the IMAP peer and reads it once with a new mailbox of the department. */
export async function deliverOnce(db: Db, peer: ImapPeer, departmentId: number, messages: string[]) {
  const folder = folderName();
  await peer.append(messages, folder);
  const mailbox = await addMailbox(db, peer, departmentId, folder);
  const counts = await readMailbox(db, peer, mailbox.id);
  return { mailbox, counts, rows: await ingested(db, mailbox.id) };
}
