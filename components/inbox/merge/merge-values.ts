import { isEmptyValue } from '../../../core/rules/merge-rules';
import type { Contact } from '../../../core/schemas/contact';
import type { MergeFieldOption } from '../../../core/schemas/merge';
import type { Priority, TicketStatus } from '../../../core/schemas/ticket';

/** How ids and codes read to a person; unknown ids fall back to "#id". */
export interface ValueNames {
  contact(id: number): string | null;
  agent(id: number): string | null;
  team(id: number): string | null;
  status(status: TicketStatus): string;
  priority(priority: Priority): string;
}

export const contactLabel = (c: Pick<Contact, 'name' | 'email'>) => (c.email && c.name && c.name !== c.email ? `${c.name} <${c.email}>` : c.name || c.email || '');

const orId = (name: string | null, id: unknown) => name ?? `#${String(id)}`;

/**
 * A field value as the merge preview shows it (R-MERGE-4): names instead of ids, labels instead of
 * codes; null when the value is empty, so the caller can say so in its own words.
 */
export function describeValue(field: string, value: unknown, names: ValueNames): string | null {
  if (isEmptyValue(value)) return null;
  switch (field) {
    case 'contactId':
      return orId(names.contact(value as number), value);
    case 'secondaryContactIds':
      return (value as number[]).map((id) => orId(names.contact(id), id)).join(', ');
    case 'assigneeAgentId':
      return orId(names.agent(value as number), value);
    case 'assigneeTeamId':
      return orId(names.team(value as number), value);
    case 'status':
      return names.status(value as TicketStatus);
    case 'priority':
      return names.priority(value as Priority);
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${String(v)}`)
      .join('; ');
  }
  return String(value);
}

/** The fields worth a choice: where the tickets do not all hold the same value. */
export function differingFields(fields: MergeFieldOption[]): MergeFieldOption[] {
  return fields.filter((f) => new Set(f.candidates.map((c) => JSON.stringify(c.value ?? null))).size > 1);
}
