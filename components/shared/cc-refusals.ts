import { z } from 'zod';
import { addressKey } from '../../core/rules/address';
import type { MessageError } from '../../core/schemas/messages';

const Details = z.object({ violations: z.array(z.object({ rule: z.string(), message: z.string() })).min(1) });

/** One reason the server refused a list, pinned to the address it names when it names one. */
export interface CcServerRefusal {
  address: string | null;
  rule: string | null;
  message: string;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-address matches only: "a@x.co" must not be found inside "ba@x.com". */
const mentions = (message: string, address: string) => new RegExp(`(^|[^\\w.+-])${escaped(addressKey(address))}(?![\\w-])`, 'i').test(message);

/**
 * R-CC-3: the server names every refused address with its reason in one answer; list each
 * violation with the address it names (the longest, should one contain another), so the agent sees
 * which address to fix and why. Other refusals (R-CC-1, R-CC-2) keep their rule without an address.
 */
export function ccRefusals(error: MessageError, addresses: readonly string[]): CcServerRefusal[] {
  const details = Details.safeParse(error.details);
  const violations = details.success ? details.data.violations : [{ rule: error.rule ?? null, message: error.message }];
  const longestFirst = [...addresses].sort((a, b) => b.length - a.length);
  return violations.map(({ rule, message }) => ({ rule, message, address: longestFirst.find((a) => mentions(message, a)) ?? null }));
}
