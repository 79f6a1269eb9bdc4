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
  const ref = `#${ticket.number}`;
  if (ticket.mergedIntoId !== null) {
    const primary = ticket.mergedIntoNumber ? `#${ticket.mergedIntoNumber}` : 'another ticket';
    return violation('R-MERGE-7', `${ref} was merged into ${primary}; act on ${primary} instead.`, ticket.id);
  }
  if (ticket.trashedAt !== null) {
    if (operation === 'delete') return violation('R-BULK-11', `${ref} is already in the trash.`, ticket.id);
    return violation('R-BULK-11', `${ref} is in the trash; restore it from the trash first to act on it.`, ticket.id);
  }
  if (ticket.spam) {
    return violation(
      'R-BULK-4',
      `${ref} is marked spam, and no bulk or mass action runs on spam tickets (they belong to the spam view). Leave it out of the selection, or mark it not spam on the ticket first.`,
      ticket.id,
    );
  }
  return OK;
}

/** The first refusal as the one line shown beside the ticket: "rule: words". */
export function ticketStateReason(ticket: TicketState, operation: Operation): string | null {
  const verdict = checkTicketActionable(ticket, operation);
  return verdict.ok ? null : `${verdict.violations[0]!.rule}: ${verdict.violations[0]!.message}`;
}
