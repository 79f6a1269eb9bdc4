import type { CustomFieldValue, TicketStatus } from '../../../core/schemas/ticket';
import { checkFieldUpdate } from '../../../core/rules/field-update';
import type { Db } from '../../db/client';
import { enforceCustomFields } from '../../departments/custom-fields';
import { ApiFailure } from '../../http/api-failure';
import { ItemFailure, type ItemChange } from '../executor';
import { requireTransition } from './guards';
import type { TicketRow } from '../../db/rows';

/** Custom values and "required to close" judged as a ticket edit would be, failing this ticket alone. */
async function checkCustomFields(tx: Db, ticket: TicketRow, next: TicketRow['customFields'] | undefined, closing: boolean) {
  try {
    await enforceCustomFields(tx, { departmentId: ticket.departmentId, number: ticket.number, current: ticket.customFields }, next, closing);
  } catch (error) {
    if (error instanceof ApiFailure) throw new ItemFailure(error.message);
    throw error;
  }
}

/** Sets standard or custom fields on one ticket (update_field, macro set_status/set_fields, close). */
export async function setFields(tx: Db, ticket: TicketRow, fields: Record<string, CustomFieldValue>): Promise<ItemChange> {
  const set: ItemChange['set'] = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const custom = { ...ticket.customFields };
  for (const [field, value] of Object.entries(fields)) {
    const verdict = checkFieldUpdate(field, value);
    if (!verdict.ok) throw new ItemFailure(verdict.violations[0]!.message);
    if (field === 'status') await requireTransition(tx, ticket, value as TicketStatus);
    if (field.startsWith('custom.')) {
      const name = field.slice('custom.'.length);
      changes[field] = { from: custom[name] ?? null, to: value };
      custom[name] = value;
      set.customFields = custom;
    } else {
      changes[field] = { from: ticket[field as keyof TicketRow], to: value };
      Object.assign(set, { [field]: value });
    }
  }
  await checkCustomFields(tx, ticket, set.customFields as TicketRow['customFields'] | undefined, fields.status === 'closed' && ticket.status !== 'closed');
  return { set, action: 'updated', changes };
}
