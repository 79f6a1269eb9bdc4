import type { TicketCreate } from '../../../core/schemas/api';
import type { WebmailProvider } from '../../../core/schemas/ticket';
import type { SelectedRow } from '../../../stores/page';
import { ticketDraftFrom } from '../ticket/ticket-draft';

export interface MissingTickets {
  drafts: TicketCreate[];
  /** Rows the page shows no sender address for: never filed under a guessed customer, and reported, not dropped in silence. */
  skipped: SelectedRow[];
}

/** The tickets "Create N tickets" makes of the selected rows that have none, from what the list row shows. */
export function missingTickets(rows: SelectedRow[], target: { provider: WebmailProvider; mailbox: string; departmentId: number }): MissingTickets {
  const drafts: TicketCreate[] = [];
  const skipped: SelectedRow[] = [];
  for (const row of rows) {
    const draft = ticketDraftFrom({ threadId: row.threadId, subject: row.subject, firstMessage: { from: row.sender, to: [], cc: [], messageId: null, date: null } }, target);
    if (draft) drafts.push(draft);
    else skipped.push(row);
  }
  return { drafts, skipped };
}
