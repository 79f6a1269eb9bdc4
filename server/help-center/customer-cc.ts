import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkCcEnabled } from '../../core/rules/cc-rules';
import { checkCustomerCcLimits } from '../../core/rules/customer-cc-limits';
import { Email } from '../../core/schemas/common';
import type { Violation } from '../../core/schemas/error';
import type { Db } from '../db/client';
import { contacts as contactsTable, tickets } from '../db/schema';
import { ApiFailure, enforce } from '../http/api-failure';
import { setSecondaryContacts } from '../tickets/secondary-contacts-set';
import { customerCcCounts } from './customer-cc-counts';
import type { ContactRow, DepartmentRow, TicketRow } from '../db/rows';
import { refusal } from '../../core/refusals/refusal';

export const CcForm = z.object({
  email: z.string().trim().pipe(Email),
  name: z.string().trim().max(200).optional(),
});
export type CcForm = z.infer<typeof CcForm>;

/** Why a CC was not added, as the visitor reads it: the rule when one refused it. */
export type CcRefusal = { rule?: string; message: string };

/** R-CC-1 R-CC-6: customers add CCs only where CC is on and the admin let customers add them. */
export function customerCcRefusals(department: DepartmentRow): Violation[] {
  const enabled = checkCcEnabled(department);
  if (!enabled.ok) return enabled.violations;
  if (department.features.ccOptions.customersMayAddCc) return [];
  return [refusal('R-CC-6', 'cc.customersMayNot', { department: department.name })];
}

function refusalsOf(failure: ApiFailure): CcRefusal[] {
  const listed = (failure.details as { violations?: Violation[] } | undefined)?.violations;
  return listed ?? [{ ...(failure.rule ? { rule: failure.rule } : {}), message: failure.message }];
}

/**
 * R-CC-6 limits, counted with the ticket and the customer locked, so two tabs posting at once
 * cannot both take the last place.
 */
async function enforceCustomerLimits(tx: Db, ticket: TicketRow, contactId: number): Promise<ContactRow> {
  const [customer] = await tx.select().from(contactsTable).where(eq(contactsTable.id, contactId)).for('update');
  enforce(checkCustomerCcLimits(await customerCcCounts(tx, ticket, contactId)));
  return customer!;
}

/**
 * Adds one CC to the ticket's list the way agents do (R-CC-2..4 checked there), within the daily
 * limits (R-CC-6); answers the refusals to show, or none when it was added.
 */
export async function addCustomerCc(db: Db, input: { ticketId: number; department: DepartmentRow; contactId: number; form: CcForm }): Promise<CcRefusal[]> {
  const refusals = customerCcRefusals(input.department);
  if (refusals.length > 0) return refusals;
  const { email, name } = input.form;
  try {
    await db.transaction(async (t) => {
      const tx = t as Db;
      const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, input.ticketId)).for('update');
      const customer = await enforceCustomerLimits(tx, ticket!, input.contactId);
      const contacts = [...ticket!.secondaryContactIds.map((id) => ({ id })), { email, ...(name ? { name } : {}) }];
      await setSecondaryContacts(tx, { ticket: ticket!, contacts, by: { contactId: customer.id, email: customer.email ?? '' } });
    });
    return [];
  } catch (error) {
    if (error instanceof ApiFailure && error.status < 500) return refusalsOf(error);
    throw error;
  }
}
