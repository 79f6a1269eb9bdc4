import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, threads, tickets, ticketWebmailThreads } from '../db/schema';
import type { DemoMessage, DemoPerson, DemoRow } from './gmail-page';

export const DEMO_MAILBOX = 'support@demo.example';
const SUPPORT: DemoPerson = { name: 'Demo Support', email: DEMO_MAILBOX };

/** Conversations that have no ticket yet, so "Create ticket" has something to do. */
const NEW_CONVERSATIONS: (DemoRow & { cc: DemoPerson[]; body: string })[] = [
  {
    threadId: '19a0c0ffee000001',
    subject: 'Cannot download my invoice',
    snippet: 'The download button gives an error since this morning',
    from: { name: 'Nora Newcomer', email: 'nora.newcomer@mailbox.example' },
    cc: [{ name: 'Finance Team', email: 'finance@newcomer-gmbh.example' }],
    date: new Date('2026-11-23T08:15:00Z'),
    body: 'Hello,\nthe download button on the invoice page gives an error since this morning. Could you send the PDF?\nNora',
  },
  {
    threadId: '19a0c0ffee000002',
    subject: '配送先の変更をお願いします',
    snippet: '先日注文した商品の配送先を変更したいです',
    from: { name: '山田 花子', email: 'hanako.yamada@mailbox.example' },
    cc: [],
    date: new Date('2026-11-23T07:40:00Z'),
    body: 'お世話になっております。\n先日注文した商品の配送先を変更したいです。\n山田',
  },
  {
    threadId: '19a0c0ffee000003',
    subject: 'Password reset link expired',
    snippet: 'The link in your e-mail says it has expired',
    from: { name: 'Omar Otieno', email: 'omar.otieno@mailbox.example' },
    cc: [],
    date: new Date('2026-11-23T06:05:00Z'),
    body: 'Hi, the password reset link in your e-mail says it has expired, even right after I get it.',
  },
  {
    // Mail text is hostile input: the demo keeps one conversation that tries to inject markup.
    threadId: '19a0c0ffee000004',
    subject: '<img src=x onerror=alert(1)> urgent',
    snippet: '<b>not bold</b> just text',
    from: { name: "<script>alert('x')</script> Mallory", email: 'mallory@mailbox.example' },
    cc: [],
    date: new Date('2026-11-23T05:30:00Z'),
    body: '<b>not bold</b> just text',
  },
];

/** "Name <address>" as stored on threads, back into a person. */
function personOf(from: string): DemoPerson {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] || match[2]!, email: match[2]! } : { name: from, email: from };
}

const asPeople = (addresses: string[]) => addresses.map((email) => ({ name: email.split('@')[0]!, email }));
/** Gmail message ids are 16 hex digits; ours derive from the stored thread id. */
const messageIdOf = (threadRowId: number) => (0x18c0000000000000n + BigInt(threadRowId)).toString(16);

export async function demoRows(db: Db): Promise<DemoRow[]> {
  const linked = await db
    .select({ threadId: ticketWebmailThreads.threadId, subject: tickets.subject, updatedAt: tickets.updatedAt, ticketId: tickets.id, name: contacts.name, email: contacts.email })
    .from(ticketWebmailThreads)
    .innerJoin(tickets, eq(tickets.id, ticketWebmailThreads.ticketId))
    .innerJoin(contacts, eq(contacts.id, tickets.contactId))
    .where(and(eq(ticketWebmailThreads.provider, 'gmail'), eq(ticketWebmailThreads.mailbox, DEMO_MAILBOX), isNull(tickets.trashedAt)))
    .orderBy(desc(tickets.updatedAt))
    .limit(30);
  const firstBodies = linked.length
    ? await db
        .select({ ticketId: threads.ticketId, body: threads.bodyText })
        .from(threads)
        .where(
          inArray(
            threads.ticketId,
            linked.map((l) => l.ticketId),
          ),
        )
        .orderBy(asc(threads.createdAt))
    : [];
  const snippetOf = (ticketId: number) => firstBodies.find((b) => b.ticketId === ticketId)?.body.slice(0, 90) ?? '';
  const linkedIds = new Set(linked.map((l) => l.threadId));
  return [
    ...NEW_CONVERSATIONS.filter((c) => !linkedIds.has(c.threadId)),
    ...linked.map((l) => ({ threadId: l.threadId, subject: l.subject, snippet: snippetOf(l.ticketId), from: { name: l.name, email: l.email ?? '' }, date: l.updatedAt })),
  ];
}

export async function demoThread(db: Db, threadId: string): Promise<{ subject: string; messages: DemoMessage[] } | null> {
  const [link] = await db
    .select({ ticketId: tickets.id, subject: tickets.subject })
    .from(ticketWebmailThreads)
    .innerJoin(tickets, eq(tickets.id, ticketWebmailThreads.ticketId))
    .where(and(eq(ticketWebmailThreads.provider, 'gmail'), eq(ticketWebmailThreads.mailbox, DEMO_MAILBOX), eq(ticketWebmailThreads.threadId, threadId)));
  const fresh = NEW_CONVERSATIONS.find((c) => c.threadId === threadId);
  if (!link && fresh) {
    return { subject: fresh.subject, messages: [{ messageId: threadId, from: fresh.from, to: [SUPPORT], cc: fresh.cc, date: fresh.date, body: fresh.body }] };
  }
  if (!link) return null;
  const rows = await db.select().from(threads).where(eq(threads.ticketId, link.ticketId)).orderBy(asc(threads.createdAt), asc(threads.id));
  return {
    subject: link.subject,
    messages: rows.map((t) => ({
      messageId: fresh && t === rows[0] ? threadId : messageIdOf(t.id),
      from: personOf(t.from),
      to: asPeople(t.to),
      cc: asPeople(t.cc),
      date: t.createdAt,
      body: t.bodyText,
    })),
  };
}
