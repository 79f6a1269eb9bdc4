import { describe, expect, it } from 'vitest';
import { RATING_SHAPE, raterLabel } from '../../../../components/inbox/ticket/satisfaction-view';

describe('a satisfaction rating in the ticket panel', () => {
  it('R-CC-8 gives Good and Bad different shapes, not only different colours', () => {
    expect(RATING_SHAPE.good).not.toBe(RATING_SHAPE.bad);
  });

  it('names the rater with name and address, the address alone when the name is just the address', () => {
    expect(raterLabel({ name: 'Pat Partner', email: 'pat@customer.example' })).toBe('Pat Partner <pat@customer.example>');
    expect(raterLabel({ name: 'pat@customer.example', email: 'pat@customer.example' })).toBe('pat@customer.example');
    expect(raterLabel({ name: ' ', email: 'pat@customer.example' })).toBe('pat@customer.example');
  });

  it('keeps the name of a contact without an address', () => {
    expect(raterLabel({ name: 'Pat Partner', email: null })).toBe('Pat Partner');
  });
});
