import { describe, expect, it } from 'vitest';
import { ticketNumberInSubject } from '../../../core/mail/ticket-reference';

describe('ticketNumberInSubject: [#1234] routes a reply to its ticket (issue 10)', () => {
  it('finds the number our notices put in the subject', () => {
    expect(ticketNumberInSubject('Re: [#1234] Cannot log in')).toBe(1234);
    expect(ticketNumberInSubject('AW: WG: [#1000] x')).toBe(1000);
  });

  it('the first number counts when a chain quotes several', () => {
    expect(ticketNumberInSubject('[#1201] Re: [#1002] old')).toBe(1201);
  });

  it('no brackets, no number', () => {
    expect(ticketNumberInSubject('Order #1234 is late')).toBeNull();
    expect(ticketNumberInSubject('[#abc] hi')).toBeNull();
    expect(ticketNumberInSubject('')).toBeNull();
  });
});
