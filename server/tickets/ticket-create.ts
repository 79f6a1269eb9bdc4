import { eq } from 'drizzle-orm';
import { checkPermission } from '../../core/rules/permissions';
import type { TicketCreate } from '../../core/schemas/api';
import type { Ticket } from '../../core/schemas/ticket';
import type { Db } from '../db/client';
import { departments, threads, ticketHistory, tickets } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { findOrCreateContact, getContact } from '../contacts/contact-store';
import { sanitiseInboundHtml } from '../mail/inbound-html';
import { enforceCustomFields } from '../departments/custom-fields';
import { enforceAssignee } from './assignee';
import { noticeFollowers } from '../notices/cc-notices';
import { autoSecondaryContacts, NO_AUTO_CC } from './auto-cc';
import { enforceRecipients } from './secondary-contacts';
import { newTicketBlueprint } from './ticket-blueprint';
import { toTickets } from './ticket-rows';
import { linkWebmailThread } from './webmail-links';

async function resolveContact(db: Db, ref: TicketCreate['contact']) {
  return 'id' in ref ? getContact(db, ref.id) : findOrCreateContact(db, ref.email, ref.name);
}

export async function createTicket(db: Db, auth: AuthContext, input: TicketCreate): Promise<Ticket> {
  enforce(checkPermission(auth.access, 'ticket.edit', input.departmentId));
  return (await insertTicket(db, { agentId: auth.agent.id }, input)).ticket;
}

/** What an e-mail's first thread carries beyond the API's ThreadInput, so replies to it thread (mail ingestion). */
export interface FirstThreadHeaders {
  inReplyTo: string | null;
  references: string[];
}

export interface InsertedTicket {
  ticket: Ticket;
  firstThreadId: number | null;
}

/** The message a ticket was created from: its first, incoming thread. */
async function insertFirstThread(db: Db, ticketId: number, input: TicketCreate, contactEmail: string | null, headers?: FirstThreadHeaders): Promise<number> {
  const first = input.firstThread!;
  const [thread] = await db
    .insert(threads)
    .values({
      ticketId,
      direction: 'in',
      channel: input.channel,
      from: first.from ?? contactEmail ?? '',
      to: first.to,
      cc: first.cc,
      subject: first.subject ?? input.subject,
      bodyText: first.bodyText,
      ...(first.bodyHtml ? { bodyHtml: sanitiseInboundHtml(first.bodyHtml), htmlSanitisedAt: new Date() } : {}),
      messageId: first.messageId ?? null,
      ...(headers ?? {}),
      ...(first.createdAt ? { createdAt: new Date(first.createdAt) } : {}),
    })
    .returning({ id: threads.id });
  return thread!.id;
}

/**
 * A new ticket with the department's rules applied (assignee, R-CC-1..3, R-CC-6, R-BULK-12, R-BULK-15), its
 * first message, history and notices (R-CC-5). `by` null is the backend itself (mail ingestion).
 */
export async function insertTicket(db: Db, by: { agentId: number } | null, input: TicketCreate, headers?: FirstThreadHeaders): Promise<InsertedTicket> {
  const [department] = await db.select().from(departments).where(eq(departments.id, input.departmentId));
  if (!department) throw notFound(`Department ${input.departmentId}`);
  if (input.webmailThread) await linkWebmailThread(db, null, input.webmailThread);
  await enforceAssignee(db, department, input);
  await enforceRecipients(db, department, input);
  // A new ticket has no number yet; "required to close" is judged when it is closed.
  await enforceCustomFields(db, { departmentId: department.id, number: 0, current: {} }, input.customFields, false);
  const contact = await resolveContact(db, input.contact);
  const first = input.firstThread;
  // A spam sender's mail must not make us write to the addresses it copied (R-BULK-12, R-CC-6).
  const auto = contact.spam ? NO_AUTO_CC : await autoSecondaryContacts(db, department, input, contact.email);
  const secondaryContactIds = [...new Set([...(input.secondaryContactIds ?? []), ...auto.ids])];
  const status = input.status ?? 'open';
  const blueprint = await newTicketBlueprint(db, department, status);
  const [row] = await db
    .insert(tickets)
    .values({
      departmentId: department.id,
      channel: input.channel,
      contactId: contact.id,
      subject: input.subject,
      status,
      blueprintId: blueprint.blueprintId,
      priority: input.priority ?? 'medium',
      assigneeAgentId: input.assigneeAgentId ?? null,
      assigneeTeamId: input.assigneeTeamId ?? null,
      account: contact.account,
      secondaryContactIds,
      ccAddresses: (input.ccAddresses ?? []).map((a) => a.toLowerCase()),
      tags: input.tags ?? [],
      customFields: input.customFields ?? {},
      lastThreadChannel: first ? input.channel : null,
      // R-BULK-12: a sender marked spam makes every later ticket from that address spam on arrival.
      spam: contact.spam,
      ...(first?.createdAt ? { createdAt: new Date(first.createdAt) } : {}),
    })
    .returning();
  const ticket = row!;
  if (input.webmailThread) await linkWebmailThread(db, ticket.id, input.webmailThread);
  const firstThreadId = first ? await insertFirstThread(db, ticket.id, input, contact.email, headers) : null;
  const changes = { ...(auto.added.length || auto.skipped.length ? { autoCc: { added: auto.added, skipped: auto.skipped } } : {}), ...blueprint.history };
  await db.insert(ticketHistory).values({ ticketId: ticket.id, agentId: by?.agentId ?? null, action: 'created', changes });
  if (!ticket.spam) await noticeFollowers(db, ticket, { kind: 'created' });
  return { ticket: (await toTickets(db, [ticket]))[0]!, firstThreadId };
}
