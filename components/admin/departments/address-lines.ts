import { uniqueAddresses } from '../../../core/rules/address';
import { Email } from '../../../core/schemas/common';

/** Addresses as typed in a box: the ones to send, and the ones that are not e-mail addresses. */
export interface AddressLines {
  addresses: string[];
  invalid: string[];
}

const isEmail = (text: string) => Email.safeParse(text).success;

/** One address per line (commas and spaces separate them too); repeats are dropped, so the server gets a clean list. */
export function parseAddressLines(text: string): AddressLines {
  const entries = uniqueAddresses(text.split(/[\s,;]+/));
  return { addresses: entries.filter(isEmail), invalid: entries.filter((e) => !isEmail(e)) };
}

/** The box's text for a saved list. */
export const addressLinesOf = (addresses: readonly string[]): string => addresses.join('\n');

/** Whether two lists hold the same addresses in the same order, ignoring case. */
export const sameAddresses = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]!.toLowerCase());
