import type { Violation } from '../schemas/error';

/** What every rule function answers: fine, or each broken rule in words a user can act on. */
export type Verdict = { ok: true } | { ok: false; violations: Violation[] };

export const OK: Verdict = Object.freeze({ ok: true });

export function verdictOf(violations: Violation[]): Verdict {
  return violations.length === 0 ? OK : { ok: false, violations };
}

export function violation(rule: string, message: string, ticketId?: number): Verdict {
  return { ok: false, violations: [ticketId === undefined ? { rule, message } : { rule, message, ticketId }] };
}

/** Joins verdicts, keeping every violation in order. */
export function allOf(...verdicts: Verdict[]): Verdict {
  return verdictOf(verdicts.flatMap((v) => (v.ok ? [] : v.violations)));
}

/** Re-files a verdict's violations under another rule id, for checks reused by a more specific rule. */
export function withRule(verdict: Verdict, rule: string): Verdict {
  return verdict.ok ? verdict : { ok: false, violations: verdict.violations.map((v) => ({ ...v, rule })) };
}
