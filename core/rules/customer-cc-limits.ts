import type { Violation } from '../schemas/error';
import { verdictOf, type Verdict } from './verdict';

/**
 * R-CC-6 "customers may add CCs from the help center", bounded so an outsider cannot use the help
 * desk as a relay (issue 21, item 6): what customers add to one ticket, and what one customer adds
 * over all tickets, within a sliding window of a day. Agents are not limited by these.
 */
export const CUSTOMER_CC_PER_TICKET_PER_DAY = 5;
export const CUSTOMER_CC_PER_CUSTOMER_PER_DAY = 10;
export const CUSTOMER_CC_WINDOW_HOURS = 24;

/** Additions within the window: how many, and when the oldest of them was made (it frees a place first). */
export interface AddedInWindow {
  count: number;
  oldest: Date | null;
}

export interface CustomerCcCounts {
  ticketNumber: number;
  /** By any customer, to this ticket. */
  onTicket: AddedInWindow;
  /** By this customer, to any ticket. */
  byCustomer: AddedInWindow;
}

/** When the next addition is allowed again, as every reader understands it. */
function freedAt(window: AddedInWindow, now: Date): string {
  const at = new Date((window.oldest ?? now).getTime() + CUSTOMER_CC_WINDOW_HOURS * 3_600_000);
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const ASK_SUPPORT = 'or reply to the ticket and ask support to copy them in';

/** R-CC-6: refuses one more address from the help center once either daily limit is reached, saying the limit and when it frees. */
export function checkCustomerCcLimits(counts: CustomerCcCounts, now = new Date()): Verdict {
  const violations: Violation[] = [];
  if (counts.onTicket.count >= CUSTOMER_CC_PER_TICKET_PER_DAY) {
    violations.push({
      rule: 'R-CC-6',
      message:
        `Ticket #${counts.ticketNumber} already had ${counts.onTicket.count} addresses added from the help center in the last ${CUSTOMER_CC_WINDOW_HOURS} hours; ` +
        `at most ${CUSTOMER_CC_PER_TICKET_PER_DAY} a day may be added to one ticket. Add this one after ${freedAt(counts.onTicket, now)}, ${ASK_SUPPORT}.`,
    });
  }
  if (counts.byCustomer.count >= CUSTOMER_CC_PER_CUSTOMER_PER_DAY) {
    violations.push({
      rule: 'R-CC-6',
      message:
        `You added ${counts.byCustomer.count} addresses from the help center in the last ${CUSTOMER_CC_WINDOW_HOURS} hours; ` +
        `at most ${CUSTOMER_CC_PER_CUSTOMER_PER_DAY} a day may be added by one customer. Add this one after ${freedAt(counts.byCustomer, now)}, ${ASK_SUPPORT}.`,
    });
  }
  return verdictOf(violations);
}
