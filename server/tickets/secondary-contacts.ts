import { inArray } from 'drizzle-orm';
import { checkCcEnabled, checkSecondaryContacts, type CcCandidate } from '../../core/rules/cc-rules';
import type { Db } from '../db/client';
import { contacts } from '../db/schema';
import { ccRefusalContext } from './cc-refusal-context';
import { enforce, notFound } from '../http/api-failure';
import { findContactsByEmail } from '../contacts/contact-store';
import type { DepartmentRow } from '../db/rows';

export interface Recipients {
  secondaryContactIds?: number[] | undefined;
  ccAddresses?: string[] | undefined;
}

/**
 * R-CC-1..3 for what a ticket write sets: secondary contacts need CC on in the department, and
 * they and the CC addresses together stay within 20 and never include a refused address.
 */
export async function enforceRecipients(db: Db, department: DepartmentRow, recipients: Recipients, ticketId?: number) {
  const ids = recipients.secondaryContactIds ?? [];
  const addresses = recipients.ccAddresses ?? [];
  if (ids.length === 0 && addresses.length === 0) return;
  if (ids.length > 0) enforce(checkCcEnabled(department));
  const picked = ids.length ? await db.select().from(contacts).where(inArray(contacts.id, ids)) : [];
  const missing = ids.filter((id) => !picked.some((c) => c.id === id));
  if (missing.length) throw notFound(`Contact ${missing.join(', ')}`);
  const typed = await findContactsByEmail(db, addresses);
  const candidates: CcCandidate[] = [
    ...picked.map((c) => ({ email: c.email ?? `contact ${c.id} (no address)`, contact: c })),
    ...addresses.map((email) => ({ email, contact: typed.get(email.toLowerCase()) ?? null })),
  ];
  const check = checkSecondaryContacts({
    department,
    ...(await ccRefusalContext(db, department)),
    candidates,
    ...(ticketId === undefined ? {} : { ticketId }),
  });
  enforce(check.verdict);
}
