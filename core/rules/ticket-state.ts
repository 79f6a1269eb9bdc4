import type { Operation } from '../schemas/job';
import { OK, violation, type Verdict } from './verdict';

/** What a ticket's own state says about acting on it in bulk, whatever view or selection it came from. */
export interface TicketState {
  id: number;
  number: number;
  spam: boolean;
  trashedAt: Date | string | null;
  mergedIntoId: number | null;
  /** The primary's number, when known: the agent can act on it instead. */
  mergedIntoNumber?: number | null;
}

/**
 * Spam, trashed and merged-away tickets are refused one by one, with the rule that keeps them out:
 * R-BULK-4 (spam tickets live in the spam view, where nothing runs), R-BULK-11 (the trash only
 * restores or purges), R-MERGE-7 (a merged-away ticket is a record in the trash). A selection naming a
 * merged-away ticket is acted on as its primary (server/jobs/job-scope.ts), so this refusal is for a
 * ticket merged away after the job took it.
 */
export function checkTicketActionable(ticket: TicketState, operation: Operation): Verdict {
  const { number } = ticket;
  if (ticket.mergedIntoId !== null) {
    if (!ticket.mergedIntoNumber) return violation('R-MERGE-7', 'ticket.mergedAway', { number }, ticket.id);
    return violation('R-MERGE-7', 'ticket.mergedInto', { number, primary: ticket.mergedIntoNumber }, ticket.id);
  }
  if (ticket.trashedAt !== null) {
    if (operation === 'delete') return violation('R-BULK-11', 'ticket.alreadyTrashed', { number }, ticket.id);
    return violation('R-BULK-11', 'ticket.trashed', { number }, ticket.id);
  }
  if (ticket.spam) return violation('R-BULK-4', 'ticket.spam', { number }, ticket.id);
  return OK;
}

/** The first refusal as the one line shown beside the ticket: "rule: words". */
export function ticketStateReason(ticket: TicketState, operation: Operation): string | null {
  const verdict = checkTicketActionable(ticket, operation);
  return verdict.ok ? null : `${verdict.violations[0]!.rule}: ${verdict.violations[0]!.message}`;
}
