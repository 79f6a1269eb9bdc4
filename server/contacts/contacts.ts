import { and, desc, ilike, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { hasPermission, visibleDepartmentIds } from '../../core/rules/permissions';
import type { ContactCreate, ContactListQuery, Page } from '../../core/schemas/api';
import type { Contact } from '../../core/schemas/contact';
import type { Db } from '../db/client';
import { contacts } from '../db/schema';
import { conflict, refusedWith } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { findContactByEmail, getContact, toContact } from './contact-store';
import { refusal } from '../../core/refusals/refusal';

const Cursor = z.object({ id: z.number().int() });

/** Contacts are shared across departments: any agent who can see tickets somewhere may look them up. */
function requireSomeDepartment(auth: AuthContext, permission: 'ticket.view' | 'ticket.edit') {
  const ok =
    permission === 'ticket.view' ? visibleDepartmentIds(auth.access).length > 0 : auth.access.departments.some((d) => hasPermission(auth.access, 'ticket.edit', d.departmentId));
  if (!ok) throw refusedWith(403, 'FORBIDDEN', refusal('R-PERM-5', 'perm.contacts', { permission }));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** By name or address, newest first; the cursor is the last contact's id. */
export async function searchContacts(db: Db, auth: AuthContext, query: ContactListQuery): Promise<Page<Contact>> {
  requireSomeDepartment(auth, 'ticket.view');
  const after = decodeCursor(query.cursor, Cursor);
  const conditions: (SQL | undefined)[] = [after ? lt(contacts.id, after.id) : undefined];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(contacts.email, pattern), ilike(contacts.name, pattern)));
  }
  const rows = await db
    .select()
    .from(contacts)
    .where(and(...conditions))
    .orderBy(desc(contacts.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toContact),
    nextCursor: rows.length > query.limit ? encodeCursor({ id: page.at(-1)!.id }) : null,
  };
}

export async function showContact(db: Db, auth: AuthContext, id: number): Promise<Contact> {
  requireSomeDepartment(auth, 'ticket.view');
  return toContact(await getContact(db, id));
}

/** The address must be new: a contact is one person across every department. */
export async function createContact(db: Db, auth: AuthContext, body: ContactCreate): Promise<Contact> {
  requireSomeDepartment(auth, 'ticket.edit');
  const existing = await findContactByEmail(db, body.email);
  if (existing) throw conflict(`A contact with the address ${body.email} already exists (contact ${existing.id}).`, { contactId: existing.id });
  const [row] = await db
    .insert(contacts)
    .values({ email: body.email.toLowerCase(), name: body.name ?? body.email.split('@')[0]!, account: body.account ?? null })
    .returning();
  return toContact(row!);
}
