import { inArray } from 'drizzle-orm';
import { autoCcAddresses } from '../../core/rules/cc-rules';
import type { TicketCreate } from '../../core/schemas/api';
import type { Db } from '../db/client';
import { contacts } from '../db/schema';
import { ccRefusalContext } from './cc-refusal-context';
import { findContactsByEmail, findOrCreateContact } from '../contacts/contact-store';
import type { DepartmentRow } from '../db/rows';

export interface AutoCc {
  ids: number[];
  added: string[];
  skipped: { email: string; reason: string }[];
}

export const NO_AUTO_CC: AutoCc = { ids: [], added: [], skipped: [] };

/**
 * R-CC-6: when the department has it on, the To/CC recipients of the e-mail a ticket is created
 * from follow it as secondary contacts (new addresses become contacts, R-CC-4).
 */
export async function autoSecondaryContacts(db: Db, department: DepartmentRow, input: TicketCreate, senderEmail: string | null): Promise<AutoCc> {
  const first = input.firstThread;
  const { cc, ccOptions } = department.features;
  if (!first || input.channel !== 'email' || !cc || !ccOptions.autoAddRecipients || !department.helpCenter) return NO_AUTO_CC;
  const recipients = [...first.to, ...first.cc];
  const picked = input.secondaryContactIds?.length ? await db.select({ email: contacts.email }).from(contacts).where(inArray(contacts.id, input.secondaryContactIds)) : [];
  const { add, skipped } = autoCcAddresses({
    department,
    ...(await ccRefusalContext(db, department)),
    from: first.from ?? senderEmail ?? '',
    recipients,
    knownContacts: await findContactsByEmail(db, recipients),
    alreadyFollowing: [...picked.flatMap((p) => (p.email ? [p.email] : [])), ...(input.ccAddresses ?? [])],
  });
  const ids: number[] = [];
  for (const candidate of add) ids.push(candidate.contact?.id ?? (await findOrCreateContact(db, candidate.email)).id);
  return { ids, added: add.map((c) => c.email), skipped };
}
