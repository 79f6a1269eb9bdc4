import { describe, expect, it } from 'vitest';
import { addressLinesOf, parseAddressLines, sameAddresses } from '../../../../components/admin/departments/address-lines';

describe('parseAddressLines', () => {
  it('reads one address per line, or separated by commas and spaces, dropping blanks and repeats', () => {
    expect(parseAddressLines('help@example.com\n\n  sales@example.com, HELP@example.com ;billing@example.com')).toEqual({
      addresses: ['help@example.com', 'sales@example.com', 'billing@example.com'],
      invalid: [],
    });
  });

  it('sets apart what is not an e-mail address', () => {
    expect(parseAddressLines('help@example.com\nhelp@\nexample.com')).toEqual({ addresses: ['help@example.com'], invalid: ['help@', 'example.com'] });
  });

  it('reads an empty box as no address', () => {
    expect(parseAddressLines('  \n ')).toEqual({ addresses: [], invalid: [] });
  });
});

describe('addressLinesOf / sameAddresses', () => {
  it('writes a saved list one per line, which reads back the same', () => {
    const saved = ['a@example.com', 'b@example.com'];
    expect(parseAddressLines(addressLinesOf(saved)).addresses).toEqual(saved);
  });

  it('compares lists in order, ignoring case', () => {
    expect(sameAddresses(['A@example.com'], ['a@example.com'])).toBe(true);
    expect(sameAddresses(['a@example.com', 'b@example.com'], ['b@example.com', 'a@example.com'])).toBe(false);
    expect(sameAddresses(['a@example.com'], [])).toBe(false);
  });
});
