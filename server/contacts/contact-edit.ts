import { and, eq, isNull } from 'drizzle-orm';
import { hasPermission } from '../../core/rules/permissions';
import type { ContactPatch } from '../../core/schemas/api';
import type { Contact } from '../../core/schemas/contact';
import type { Db } from '../db/client';
import { contacts, tickets } from '../db/schema';
import { conflict, refusedWith } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { findContactByEmail, getContact, toContact } from './contact-store';
import type { ContactRow } from '../db/rows';
import { refusal } from '../../core/refusals/refusal';

const nameOf = (row: ContactRow) => (row.name ? `"${row.name}"` : (row.email ?? 'without an address'));

/**
 * A contact is one person across departments: it is edited with ticket.edit in a department where
 * it has tickets (any department for one without tickets yet), so an agent cannot rename the
 * customers of departments they never work in.
 */
async function requireEditor(db: Db, auth: AuthContext, contact: ContactRow) {
  const rows = await db
    .selectDistinct({ departmentId: tickets.departmentId })
    .from(tickets)
    .where(and(eq(tickets.contactId, contact.id), isNull(tickets.trashedAt)));
  const departmentIds = rows.length > 0 ? rows.map((r) => r.departmentId) : auth.access.departments.map((d) => d.departmentId);
  if (departmentIds.some((id) => hasPermission(auth.access, 'ticket.edit', id))) return;
  throw refusedWith(403, 'FORBIDDEN', refusal('R-PERM-5', 'perm.contactEdit', { contact: nameOf(contact) }));
}

/** An address belongs to one contact: another one using it is offered instead (the caller may switch the ticket to it). */
async function refuseTakenAddress(db: Db, contact: ContactRow, email: string) {
  const other = await findContactByEmail(db, email);
  if (!other || other.id === contact.id) return;
  throw conflict(`The address ${email} already belongs to the contact ${nameOf(other)}. Use that contact for the ticket instead, or choose another address.`, {
    contactId: other.id,
    contact: toContact(other),
  });
}

/** Edits a contact's name, address, account or sender spam mark (R-BULK-12, read by ticket-create.ts on arrival). */
export async function editContact(db: Db, auth: AuthContext, id: number, patch: ContactPatch): Promise<Contact> {
  const contact = await getContact(db, id);
  await requireEditor(db, auth, contact);
  if (contact.deleted) throw conflict(`The contact ${nameOf(contact)} was deleted; it cannot be edited. Give the ticket another contact instead.`);
  const email = patch.email?.toLowerCase();
  if (email) await refuseTakenAddress(db, contact, email);
  const [row] = await db
    .update(contacts)
    // A contact given an address is no longer anonymous: replies and notices may reach them.
    .set({ ...patch, ...(email ? { email, anonymous: false } : {}) })
    .where(eq(contacts.id, contact.id))
    .returning();
  return toContact(row!);
}
