import type { Violation } from '../schemas/error';
import { refusal } from '../refusals/refusal';
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

/** R-CC-6: refuses one more address from the help center once either daily limit is reached, saying the limit and when it frees. */
export function checkCustomerCcLimits(counts: CustomerCcCounts, now = new Date()): Verdict {
  const violations: Violation[] = [];
  if (counts.onTicket.count >= CUSTOMER_CC_PER_TICKET_PER_DAY) {
    violations.push(
      refusal('R-CC-6', 'cc.ticketDailyLimit', {
        number: counts.ticketNumber,
        count: counts.onTicket.count,
        hours: CUSTOMER_CC_WINDOW_HOURS,
        max: CUSTOMER_CC_PER_TICKET_PER_DAY,
        at: freedAt(counts.onTicket, now),
      }),
    );
  }
  if (counts.byCustomer.count >= CUSTOMER_CC_PER_CUSTOMER_PER_DAY) {
    violations.push(
      refusal('R-CC-6', 'cc.customerDailyLimit', {
        count: counts.byCustomer.count,
        hours: CUSTOMER_CC_WINDOW_HOURS,
        max: CUSTOMER_CC_PER_CUSTOMER_PER_DAY,
        at: freedAt(counts.byCustomer, now),
      }),
    );
  }
  return verdictOf(violations);
}
