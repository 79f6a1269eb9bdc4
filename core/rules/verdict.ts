import type { Violation } from '../schemas/error';
import { refusal, type ParamsOf, type RefusalKey } from '../refusals/refusal';

/** What every rule function answers: fine, or each broken rule in words a user can act on. */
export type Verdict = { ok: true } | { ok: false; violations: Violation[] };

export const OK: Verdict = Object.freeze({ ok: true });

export function verdictOf(violations: Violation[]): Verdict {
  return violations.length === 0 ? OK : { ok: false, violations };
}

/** One refusal from the catalogue (core/refusals): its key and parameters, and the English message. */
export function violation<K extends RefusalKey>(rule: string, key: K, params: ParamsOf<K>, ticketId?: number): { ok: false; violations: Violation[] } {
  return { ok: false, violations: [refusal(rule, key, params, ticketId)] };
}

/** Joins verdicts, keeping every violation in order. */
export function allOf(...verdicts: Verdict[]): Verdict {
  return verdictOf(verdicts.flatMap((v) => (v.ok ? [] : v.violations)));
}

/** Re-files a verdict's violations under another rule id, for checks reused by a more specific rule. */
export function withRule(verdict: Verdict, rule: string): Verdict {
  return verdict.ok ? verdict : { ok: false, violations: verdict.violations.map((v) => ({ ...v, rule })) };
}
