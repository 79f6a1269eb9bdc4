import { z } from 'zod';
import { addressKey } from '../../core/rules/address';
import type { MessageError } from '../../core/schemas/messages';

const Details = z.object({
  violations: z.array(z.object({ rule: z.string(), message: z.string(), key: z.string().optional(), params: z.record(z.string(), z.unknown()).optional() })).min(1),
});

/** One reason the server refused a list, pinned to the address it names when it names one. */
export interface CcServerRefusal {
  address: string | null;
  rule: string | null;
  message: string;
  /** The catalogue key and params, so the refusal is said in the UI language (RefusalText). */
  key?: string;
  params?: Record<string, unknown>;
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
  // The English message names the address in every language's refusal, so it is matched there.
  return violations.map((v) => ({ ...v, address: longestFirst.find((a) => mentions(v.message, a)) ?? null }));
}
