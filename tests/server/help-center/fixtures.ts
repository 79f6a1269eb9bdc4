import type { Db } from '../../../server/db/client';
import { comments, contacts, threads, tickets } from '../../../server/db/schema';

let n = 0;

/** A customer of their own, so each test's sign-in links and tickets are its own (R-CC-8 checks are per contact). */
export async function customer(db: Db, values: Partial<typeof contacts.$inferInsert> = {}) {
  n += 1;
  const [row] = await db
    .insert(contacts)
    .values({ email: `visitor${n}@customer.example`, name: `Visitor ${n}`, ...values })
    .returning();
  return row!;
}

export async function ticket(db: Db, values: Pick<typeof tickets.$inferInsert, 'departmentId' | 'contactId'> & Partial<typeof tickets.$inferInsert>) {
  n += 1;
  const [row] = await db
    .insert(tickets)
    .values({ channel: 'email', subject: `Question ${n}`, lastThreadChannel: 'email', ...values })
    .returning();
  return row!;
}

export async function message(db: Db, ticketId: number, values: Partial<typeof threads.$inferInsert> & { bodyText: string }) {
  const [row] = await db
    .insert(threads)
    .values({ ticketId, direction: 'in', channel: 'email', from: 'someone@customer.example', ...values })
    .returning();
  return row!;
}

export async function comment(db: Db, ticketId: number, authorAgentId: number, body: string, visibility: 'public' | 'private', createdAt = new Date()) {
  await db.insert(comments).values({ ticketId, authorAgentId, body, visibility, createdAt });
}
