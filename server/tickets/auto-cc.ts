import { eq, inArray, sql } from 'drizzle-orm';
import { autoCcAddresses } from '../../core/rules/cc-rules';
import type { TicketCreate } from '../../core/schemas/api';
import type { Db } from '../db/client';
import { contacts, departments, ticketHistory, tickets } from '../db/schema';
import { ccRefusalContext } from './cc-refusal-context';
import { findContactByEmail, findContactsByEmail, findOrCreateContact } from '../contacts/contact-store';
import { noticeFollowers } from '../notices/cc-notices';
import type { DepartmentRow, TicketRow } from '../db/rows';

export interface AutoCc {
  ids: number[];
  added: string[];
  skipped: { email: string; reason: string }[];
}

export const NO_AUTO_CC: AutoCc = { ids: [], added: [], skipped: [] };

interface AutoCcMessage {
  from: string;
  recipients: string[];
  alreadyFollowing: string[];
  exclude?: string[];
}

const autoCcOn = (department: DepartmentRow) => department.features.cc && department.features.ccOptions.autoAddRecipients && department.helpCenter;

/** R-CC-6 for one message: who of its recipients follows the ticket (new addresses become contacts, R-CC-4). */
async function resolveAutoCc(db: Db, department: DepartmentRow, message: AutoCcMessage): Promise<AutoCc> {
  const { add, skipped } = autoCcAddresses({
    department,
    ...(await ccRefusalContext(db, department)),
    ...message,
    knownContacts: await findContactsByEmail(db, message.recipients),
  });
  const ids: number[] = [];
  for (const candidate of add) ids.push(candidate.contact?.id ?? (await findOrCreateContact(db, candidate.email)).id);
  return { ids, added: add.map((c) => c.email), skipped };
}

async function emailsOf(db: Db, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ email: contacts.email }).from(contacts).where(inArray(contacts.id, ids));
  return rows.flatMap((r) => (r.email ? [r.email] : []));
}

/**
 * R-CC-6: when the department has it on, the To/CC recipients of the e-mail a ticket is created
 * from follow it as secondary contacts.
 */
export async function autoSecondaryContacts(db: Db, department: DepartmentRow, input: TicketCreate, senderEmail: string | null): Promise<AutoCc> {
  const first = input.firstThread;
  if (!first || input.channel !== 'email' || !autoCcOn(department)) return NO_AUTO_CC;
  return resolveAutoCc(db, department, {
    from: first.from ?? senderEmail ?? '',
    recipients: [...first.to, ...first.cc],
    alreadyFollowing: [...(await emailsOf(db, input.secondaryContactIds ?? [])), ...(input.ccAddresses ?? [])],
  });
}

export interface LaterMessage {
  threadId: number;
  from: string;
  recipients: string[];
}

/**
 * R-CC-6 on every incoming e-mail, not only the first: the new To/CC recipients of a later message
 * on the ticket follow it too, up to 20 with those it has (R-CC-2), and hear of it (R-CC-5). Who was
 * left out and why is in the history. The ticket's customer and the addresses the message reached us
 * at are nobody to add, so they are left out without a word. Runs in the ingestion's transaction.
 */
export async function autoSecondaryContactsOnReply(tx: Db, ticketId: number, message: LaterMessage): Promise<void> {
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for('update');
  if (!ticket || ticket.spam) return;
  const [department] = await tx.select().from(departments).where(eq(departments.id, ticket.departmentId));
  if (!department || !autoCcOn(department)) return;
  const [customer] = await tx.select().from(contacts).where(eq(contacts.id, ticket.contactId));
  // R-BULK-12: mail from a spam contact must not make us write to the addresses it copied.
  if (customer?.spam || (await findContactByEmail(tx, message.from))?.spam) return;
  const auto = await resolveAutoCc(tx, department, {
    from: message.from,
    recipients: message.recipients,
    alreadyFollowing: [...(await emailsOf(tx, ticket.secondaryContactIds)), ...ticket.ccAddresses],
    exclude: [...(customer?.email ? [customer.email] : []), ...department.supportAddresses, ...department.fromAddresses],
  });
  if (auto.ids.length === 0 && auto.skipped.length === 0) return;
  const updated = auto.ids.length ? await follow(tx, ticket, auto.ids) : ticket;
  await tx.insert(ticketHistory).values({
    ticketId: ticket.id,
    agentId: null,
    action: 'secondary_contacts',
    changes: {
      ...(updated === ticket ? {} : { secondaryContactIds: { from: ticket.secondaryContactIds, to: updated.secondaryContactIds } }),
      autoCc: { threadId: message.threadId, added: auto.added, skipped: auto.skipped },
    },
  });
  await noticeFollowers(tx, updated, { kind: 'added' }, auto.ids);
}

async function follow(tx: Db, ticket: TicketRow, ids: number[]): Promise<TicketRow> {
  const [updated] = await tx
    .update(tickets)
    .set({ secondaryContactIds: [...new Set([...ticket.secondaryContactIds, ...ids])], version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
    .where(eq(tickets.id, ticket.id))
    .returning();
  return updated!;
}
