import { eq, inArray, sql } from 'drizzle-orm';
import type { Contact } from '../../core/schemas/contact';
import type { Db } from '../db/client';
import { contacts } from '../db/schema';
import { notFound } from '../http/api-failure';
import type { ContactRow } from '../db/rows';

export const toContact = (row: ContactRow): Contact => ({ ...row, createdAt: row.createdAt.toISOString() });

const byEmail = (email: string) => eq(sql`lower(${contacts.email})`, email.toLowerCase());

export async function findContactByEmail(db: Db, email: string): Promise<ContactRow | undefined> {
  const [row] = await db.select().from(contacts).where(byEmail(email));
  return row;
}

export async function findContactsByEmail(db: Db, emails: string[]): Promise<Map<string, ContactRow>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select()
    .from(contacts)
    .where(
      inArray(
        sql`lower(${contacts.email})`,
        emails.map((e) => e.toLowerCase()),
      ),
    );
  return new Map(rows.map((r) => [r.email!.toLowerCase(), r]));
}

export async function getContact(db: Db, id: number): Promise<ContactRow> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  if (!row) throw notFound(`Contact ${id}`);
  return row;
}

/** A typed address becomes a contact the first time it is seen (R-CC-4); concurrent creators get the same row. */
export async function findOrCreateContact(db: Db, email: string, name?: string): Promise<ContactRow> {
  const existing = await findContactByEmail(db, email);
  if (existing) return existing;
  const [created] = await db
    .insert(contacts)
    .values({ email: email.toLowerCase(), name: name ?? email.split('@')[0]! })
    .onConflictDoNothing()
    .returning();
  return created ?? (await findContactByEmail(db, email))!;
}
