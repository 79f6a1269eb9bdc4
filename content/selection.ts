import type { TicketSummary } from '../core/schemas/messages';
import type { SelectedRow } from '../stores/page';
import type { ThreadRow } from '../webmail/adapter';

/** The selected conversations as the selection bar counts and acts on them. */
export interface Selection {
  threadIds: string[];
  /** Each ticket once: after a merge several conversations share one ticket (R-MERGE-7). */
  tickets: TicketSummary[];
  /** The selected conversations that have no ticket yet, with what creating one needs. */
  withoutTicket: SelectedRow[];
}

export function selectionOf(rows: readonly ThreadRow[], tickets: Readonly<Record<string, TicketSummary>>): Selection {
  const selected = onePerThread(rows.filter((row) => row.selected));
  const unique = new Map<number, TicketSummary>();
  for (const row of selected) {
    const ticket = tickets[row.threadId];
    if (ticket) unique.set(ticket.id, ticket);
  }
  return {
    threadIds: selected.map((row) => row.threadId),
    tickets: [...unique.values()],
    withoutTicket: selected.filter((row) => !tickets[row.threadId]).map(({ threadId, subject, sender }) => ({ threadId, subject, sender })),
  };
}

/** With Gmail's conversation view off a conversation is listed once per message: it is selected once. */
function onePerThread(rows: readonly ThreadRow[]): ThreadRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.threadId) && seen.add(row.threadId));
}
