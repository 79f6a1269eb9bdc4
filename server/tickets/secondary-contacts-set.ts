import { and, eq, inArray, sql } from 'drizzle-orm';
import { checkCcEnabled, checkSecondaryContacts, MAX_SECONDARY_CONTACTS, type CcCandidate } from '../../core/rules/cc-rules';
import { addressKey } from '../../core/rules/address';
import { checkPermission } from '../../core/rules/permissions';
import type { SecondaryContactRef, SecondaryContacts, SecondaryContactsPut } from '../../core/schemas/secondary-contacts';
import type { Db } from '../db/client';
import { contacts, departments, ticketHistory, tickets } from '../db/schema';
import { conflict, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { findContactsByEmail, findOrCreateContact } from '../contacts/contact-store';
import { ccRefusalContext } from './cc-refusal-context';
import { noticeFollowers } from '../notices/cc-notices';
import { getVisibleTicket } from './ticket-query';
import type { ContactRow, DepartmentRow, TicketRow } from '../db/rows';

/** Who changes the list: an agent in the extension, or a customer in the help center (R-CC-6), by their signed-in address. */
export type CcEditor = { agentId: number } | { contactId: number; email: string };

export interface SetSecondaryContacts {
  ticket: TicketRow;
  /** The version the editor read; a help-center visitor edits the ticket as it is. */
  version?: number;
  contacts: SecondaryContactRef[];
  by: CcEditor;
}

/** A ticket's secondary contacts as the CC editors show them. */
export async function secondaryContactsOf(db: Db, ticket: TicketRow): Promise<SecondaryContacts> {
  const [department] = await db.select().from(departments).where(eq(departments.id, ticket.departmentId));
  const rows = ticket.secondaryContactIds.length ? await db.select().from(contacts).where(inArray(contacts.id, ticket.secondaryContactIds)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const verdict = checkCcEnabled(department!);
  return {
    ticketId: ticket.id,
    version: ticket.version,
    contacts: ticket.secondaryContactIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [{ id: row.id, email: row.email, name: row.name }] : [];
    }),
    ccAddresses: ticket.ccAddresses,
    limit: MAX_SECONDARY_CONTACTS,
    disabledReason: verdict.ok ? null : verdict.violations.map((v) => `${v.rule}: ${v.message}`).join(' '),
  };
}

/** The refs as candidates: picked contacts (404 when missing) and typed addresses, with their contact if one exists. */
async function candidatesOf(db: Db, refs: SecondaryContactRef[]): Promise<{ candidates: CcCandidate[]; picked: Map<number, ContactRow> }> {
  const ids = refs.flatMap((r) => ('id' in r ? [r.id] : []));
  const pickedRows = ids.length ? await db.select().from(contacts).where(inArray(contacts.id, ids)) : [];
  const picked = new Map(pickedRows.map((c) => [c.id, c]));
  const missing = ids.filter((id) => !picked.has(id));
  if (missing.length) throw notFound(`Contact ${missing.join(', ')}`);
  const typed = await findContactsByEmail(
    db,
    refs.flatMap((r) => ('email' in r ? [r.email] : [])),
  );
  const candidates = refs.map((ref): CcCandidate => {
    if ('id' in ref) {
      const c = picked.get(ref.id)!;
      return { email: c.email ?? `contact ${c.id} (no address)`, contact: c };
    }
    return { email: ref.email, contact: typed.get(addressKey(ref.email)) ?? null };
  });
  return { candidates, picked };
}

function refuseStale(ticket: TicketRow, version: number | undefined) {
  if (ticket.mergedIntoId) throw conflict(`Ticket #${ticket.number} was merged into ticket ${ticket.mergedIntoId}; edit that ticket.`, { mergedIntoId: ticket.mergedIntoId });
  if (ticket.trashedAt) throw conflict(`Ticket #${ticket.number} is in the trash; restore it before editing.`);
  if (version !== undefined && version !== ticket.version) {
    throw conflict(`Ticket #${ticket.number} was changed by someone else (version ${ticket.version}, yours ${version}); reload it and apply your change again.`, {
      currentVersion: ticket.version,
    });
  }
}

/** R-CC-1..4 for the ticket's whole new list; typed addresses become contacts only when all of it is allowed. */
async function resolveList(db: Db, department: DepartmentRow, ticket: TicketRow, refs: SecondaryContactRef[]): Promise<number[]> {
  const { candidates } = await candidatesOf(db, refs);
  const ccAddresses = ticket.ccAddresses.map((email): CcCandidate => ({ email, contact: null }));
  const refusal = await ccRefusalContext(db, department);
  const ids: number[] = [];
  for (const c of candidates) if (c.contact && !ids.includes(c.contact.id)) ids.push(c.contact.id);
  const adds = ids.some((id) => !ticket.secondaryContactIds.includes(id)) || candidates.some((c) => c.contact === null);
  if (adds) enforce(checkCcEnabled(department));
  // The ticket's CC addresses count against the 20 as well (R-CC-2), as on every other ticket write.
  const check = checkSecondaryContacts({ department, ...refusal, candidates: [...candidates, ...ccAddresses], ticketId: ticket.id });
  enforce(check.verdict);
  const typedKeys = new Set(candidates.filter((c) => c.contact === null).map((c) => addressKey(c.email)));
  for (const ref of refs) {
    if (!('email' in ref) || !typedKeys.has(addressKey(ref.email))) continue;
    typedKeys.delete(addressKey(ref.email));
    const created = await findOrCreateContact(db, ref.email, ref.name);
    if (!ids.includes(created.id)) ids.push(created.id);
  }
  return ids;
}

/** Who was added, by address: the history must still say so after a contact changes or is deleted. */
async function namedContacts(db: Db, ids: number[]): Promise<{ id: number; email: string | null }[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: contacts.id, email: contacts.email }).from(contacts).where(inArray(contacts.id, ids));
  return ids.map((id) => ({ id, email: rows.find((r) => r.id === id)?.email ?? null }));
}

/** A customer's change names them; the help center's limits count these entries (customer-cc-counts.ts). */
function byCustomer(by: CcEditor) {
  return 'contactId' in by ? { byContactId: by.contactId, byContact: { id: by.contactId, email: by.email } } : {};
}

/**
 * Replaces a ticket's secondary contacts (R-CC-2..4): one version bump and one history entry, and a
 * notice to each contact added (R-CC-5). Removing someone here is the only way off the ticket (R-CC-7).
 */
export async function setSecondaryContacts(db: Db, input: SetSecondaryContacts): Promise<SecondaryContacts> {
  const { ticket } = input;
  refuseStale(ticket, input.version);
  const [department] = await db.select().from(departments).where(eq(departments.id, ticket.departmentId));
  const ids = await resolveList(db, department!, ticket, input.contacts);
  const added = ids.filter((id) => !ticket.secondaryContactIds.includes(id));
  const removed = ticket.secondaryContactIds.filter((id) => !ids.includes(id));
  if (added.length === 0 && removed.length === 0 && ids.join() === ticket.secondaryContactIds.join()) return secondaryContactsOf(db, ticket);
  const [updated] = await db
    .update(tickets)
    .set({ secondaryContactIds: ids, version: ticket.version + 1, updatedAt: sql`now()` })
    .where(and(eq(tickets.id, ticket.id), eq(tickets.version, ticket.version)))
    .returning();
  if (!updated) throw conflict(`Ticket #${ticket.number} changed while its secondary contacts were being saved; reload it and try again.`);
  await db.insert(ticketHistory).values({
    ticketId: ticket.id,
    agentId: 'agentId' in input.by ? input.by.agentId : null,
    action: 'secondary_contacts',
    changes: { secondaryContactIds: { from: ticket.secondaryContactIds, to: ids }, added: await namedContacts(db, added), ...byCustomer(input.by) },
  });
  const event = 'contactId' in input.by ? { kind: 'added_by_customer' as const, by: input.by.email } : { kind: 'added' as const };
  await noticeFollowers(db, updated, event, added);
  return secondaryContactsOf(db, updated);
}

/** The ticket panel's CC editor: an agent with ticket.edit in the ticket's department; the ticket is locked while its list is replaced. */
export async function agentSetsSecondaryContacts(db: Db, auth: AuthContext, ticketId: number, body: SecondaryContactsPut): Promise<SecondaryContacts> {
  const ticket = await getVisibleTicket(db, auth.access, ticketId, true);
  enforce(checkPermission(auth.access, 'ticket.edit', ticket.departmentId));
  return setSecondaryContacts(db, { ticket, version: body.version, contacts: body.contacts, by: { agentId: auth.agent.id } });
}
