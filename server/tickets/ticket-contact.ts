import type { Db } from '../db/client';
import { conflict } from '../http/api-failure';
import { getContact } from '../contacts/contact-store';
import type { TicketRow } from '../db/rows';

/**
 * A ticket may be given another existing contact (the one already using the address an agent
 * tried to give this one); a deleted contact is no one to answer. The new contact stops being
 * one of the ticket's secondary contacts, so it is not copied on its own replies.
 */
export async function contactChange(db: Db, row: TicketRow, contactId: number | undefined): Promise<{ secondaryContactIds?: number[] }> {
  if (contactId === undefined || contactId === row.contactId) return {};
  const contact = await getContact(db, contactId);
  if (contact.deleted) throw conflict(`The contact ${contact.email ?? contact.name} was deleted; ticket #${row.number} cannot be given to them.`);
  return row.secondaryContactIds.includes(contactId) ? { secondaryContactIds: row.secondaryContactIds.filter((id) => id !== contactId) } : {};
}
