import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { checkMaySendMail } from '../../../core/rules/permissions';
import { replyEligibility, replyRecipients as recipientsOf } from '../../../core/rules/reply-eligibility';
import type { OperationPayload } from '../../../core/schemas/job';
import type { Channel } from '../../../core/schemas/ticket';
import type { Db } from '../../db/client';
import { agents, contacts, departments, replyRecipients, templates, threads } from '../../db/schema';
import { loadAccess } from '../../http/auth';
import { renderReply } from '../../mail/render';
import { isOneTicketReply } from '../../tickets/one-ticket-reply';
import { ItemFailure, type Executor } from '../executor';
import type { TicketRow } from '../../db/rows';

type ReplyPayload = Extract<OperationPayload, { operation: 'reply' }>['payload'];

/** The subject and body to send: the payload's own, or the template's where the payload leaves them empty. */
export async function replyText(tx: Db, payload: ReplyPayload, departmentId: number): Promise<{ subject: string; body: string }> {
  if (payload.templateId === undefined) return { subject: payload.subject ?? '', body: payload.body };
  const [template] = await tx
    .select()
    .from(templates)
    .where(and(eq(templates.id, payload.templateId), eq(templates.departmentId, departmentId)));
  if (!template) throw new ItemFailure(`Template ${payload.templateId} is not a template of the ticket's department.`);
  return { subject: payload.subject || template.subject, body: payload.body || template.body };
}

/** The customer's last message, so the reply threads under it in their mailbox. */
async function threading(tx: Db, ticketId: number): Promise<{ inReplyTo: string | null; references: string[] }> {
  const [last] = await tx
    .select({ messageId: threads.messageId, references: threads.references })
    .from(threads)
    .where(and(eq(threads.ticketId, ticketId), eq(threads.direction, 'in')))
    .orderBy(desc(threads.createdAt), desc(threads.id))
    .limit(1);
  if (!last?.messageId) return { inReplyTo: null, references: [] };
  return { inReplyTo: last.messageId, references: [...last.references, last.messageId] };
}

interface Skipped {
  address: string;
  reason: string;
}

/**
 * R-CC-3 at send time: a secondary contact (or a CC address of a contact) marked spam or deleted
 * after it was added is skipped, with its reason, while the others still get the reply.
 */
async function copies(tx: Db, ticket: TicketRow): Promise<{ secondary: string[]; ccAddresses: string[]; skipped: Skipped[] }> {
  const lowered = ticket.ccAddresses.map((a) => a.toLowerCase());
  const byId = ticket.secondaryContactIds.length === 0 ? [] : await tx.select().from(contacts).where(inArray(contacts.id, ticket.secondaryContactIds));
  const byAddress =
    lowered.length === 0
      ? []
      : await tx
          .select()
          .from(contacts)
          .where(inArray(sql`lower(${contacts.email})`, lowered));
  const barred = new Map<string, string>();
  for (const c of [...byId, ...byAddress]) {
    const why = c.spam ? 'is marked spam' : c.deleted ? 'is a deleted contact' : null;
    if (c.email && why) barred.set(c.email.toLowerCase(), `R-CC-3: ${c.email} ${why}; it was left out of this reply on #${ticket.number}.`);
  }
  const skipped = [...barred.entries()].map(([address, reason]) => ({ address, reason }));
  const allowed = (address: string) => !barred.has(address.toLowerCase());
  const secondary = byId.flatMap((c) => (c.email && allowed(c.email) ? [c.email] : []));
  return { secondary, ccAddresses: ticket.ccAddresses.filter(allowed), skipped };
}

const domainOf = (address: string) => address.split('@')[1] ?? 'localhost';

/**
 * R-REPLY-2..5 for one ticket: refuses an ineligible ticket with the rule, renders the reply for
 * it, and records it as an outbound thread with one queued recipient per address (R-REPLY-5: the
 * contact, then the secondary contacts and CC addresses). Delivery happens after this commits.
 */
export const reply: Executor = async ({ tx, job, ticket }) => {
  // R-PERM-5 at run time too: a permission taken away during the undo window stops the mail.
  const allowed = checkMaySendMail((await loadAccess(tx, job.initiatorId)).access, ticket.departmentId, !isOneTicketReply(job.payload));
  if (!allowed.ok) throw new ItemFailure(allowed.violations.map((v) => `${v.rule}: ${v.message}`).join(' '));
  const [contact] = await tx.select().from(contacts).where(eq(contacts.id, ticket.contactId));
  const verdict = replyEligibility({
    ticket: {
      id: ticket.id,
      number: ticket.number,
      departmentId: ticket.departmentId,
      channel: ticket.channel as Channel,
      lastThreadChannel: ticket.lastThreadChannel as Channel | null,
    },
    contactEmail: contact?.email ?? null,
    contactSpam: contact?.spam ?? false,
  });
  if (!verdict.ok) throw new ItemFailure(verdict.violations.map((v) => `${v.rule}: ${v.message}`).join(' '));

  const [department] = await tx.select().from(departments).where(eq(departments.id, ticket.departmentId));
  const from = department!.fromAddresses[0] ?? department!.supportAddresses[0];
  if (!from) throw new ItemFailure(`Department ${department!.name} has no from-address to send replies from; an admin must set one.`);
  const [agent] = await tx.select({ name: agents.name }).from(agents).where(eq(agents.id, job.initiatorId));
  const rendered = renderReply(await replyText(tx, job.payload as ReplyPayload, ticket.departmentId), {
    'contact.name': contact!.name,
    'contact.email': contact!.email!,
    'ticket.number': String(ticket.number),
    'ticket.subject': ticket.subject,
    'agent.name': agent?.name ?? '',
    'department.name': department!.name,
  });
  // R-RCPT-1/2: only departments with receipts on, and only tickets that came by e-mail, are tracked.
  const tracked = department!.features.receipts && ticket.channel === 'email';
  const copied = await copies(tx, ticket);
  const { to, cc } = recipientsOf({
    contactEmail: contact!.email!,
    secondaryContactEmails: copied.secondary,
    ccAddresses: copied.ccAddresses,
    omit: (job.payload as ReplyPayload).omitAddresses ?? [],
  });

  const [thread] = await tx
    .insert(threads)
    .values({
      ticketId: ticket.id,
      direction: 'out',
      channel: 'email',
      from,
      to,
      cc,
      subject: rendered.subject || `Re: ${ticket.subject}`,
      bodyText: rendered.text,
      bodyHtml: rendered.html,
      messageId: `<${randomUUID()}@${domainOf(from)}>`,
      ...(await threading(tx, ticket.id)),
    })
    .returning({ id: threads.id });
  await tx.insert(replyRecipients).values(
    [...to.map((address) => ({ address, kind: 'to' })), ...cc.map((address) => ({ address, kind: 'cc' }))].map((r) => ({
      ...r,
      jobId: job.id || null,
      ticketId: ticket.id,
      threadId: thread!.id,
      // Unguessable: it identifies the recipient in bounces.
      token: randomBytes(16).toString('base64url'),
      openToken: tracked ? randomBytes(16).toString('base64url') : null,
    })),
  );
  // Shown with the reply's delivery (R-REPLY-8) as recipients that did not get it, and why.
  if (copied.skipped.length > 0) {
    await tx.insert(replyRecipients).values(
      copied.skipped.map((s) => ({
        address: s.address,
        kind: 'cc',
        status: 'failed',
        smtpResponse: s.reason,
        jobId: job.id || null,
        ticketId: ticket.id,
        threadId: thread!.id,
        token: randomBytes(16).toString('base64url'),
      })),
    );
  }
  return {
    set: { lastThreadChannel: 'email', ...(ticket.firstResponseAt === null ? { firstResponseAt: new Date() } : {}) },
    action: 'replied',
    changes: { reply: { threadId: thread!.id, to, cc, ...(copied.skipped.length > 0 ? { skipped: copied.skipped } : {}) } },
  };
};
