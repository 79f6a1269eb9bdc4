import { describe, expect, it } from 'vitest';
import { checkCustomerCcLimits, CUSTOMER_CC_PER_CUSTOMER_PER_DAY, CUSTOMER_CC_PER_TICKET_PER_DAY } from '../../../core/rules/customer-cc-limits';

describe('R-CC-6 daily limits on CCs customers add from the help center (issue 21 item 6)', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  const none = { count: 0, oldest: null };

  it('allows additions below both limits', () => {
    expect(checkCustomerCcLimits({ ticketNumber: 7, onTicket: { count: CUSTOMER_CC_PER_TICKET_PER_DAY - 1, oldest: now }, byCustomer: none }, now).ok).toBe(true);
  });

  it('refuses at the per-ticket limit, naming the ticket number, the limit and when a place frees', () => {
    const verdict = checkCustomerCcLimits({ ticketNumber: 1260, onTicket: { count: 5, oldest: new Date('2026-12-03T14:05:30Z') }, byCustomer: none }, now);
    expect(verdict).toMatchObject({
      ok: false,
      violations: [
        {
          rule: 'R-CC-6',
          message:
            'Ticket #1260 already had 5 addresses added from the help center in the last 24 hours; at most 5 a day may be added to one ticket. ' +
            'Add this one after 2026-12-04 14:05 UTC, or reply to the ticket and ask support to copy them in.',
        },
      ],
    });
  });

  it('refuses at the per-customer limit, and lists both when both are reached', () => {
    const verdict = checkCustomerCcLimits({ ticketNumber: 3, onTicket: { count: 5, oldest: now }, byCustomer: { count: CUSTOMER_CC_PER_CUSTOMER_PER_DAY, oldest: now } }, now);
    expect(verdict.ok ? [] : verdict.violations.map((v) => v.message)).toEqual([
      expect.stringContaining('at most 5 a day may be added to one ticket'),
      expect.stringContaining('You added 10 addresses from the help center in the last 24 hours; at most 10 a day may be added by one customer.'),
    ]);
  });
});
