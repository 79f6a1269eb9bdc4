import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, Violation } from '../../core/schemas/error';
import type { Verdict } from '../../core/rules/verdict';

/** A refusal the API answers with `{ error: { code, message, rule?, details? } }`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly rule?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.rule ? { rule: this.rule } : {}),
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** One catalogue refusal (core/refusals) as an API error: the client can say it in its own language. */
export function refusedWith(status: ContentfulStatusCode, code: ErrorCode, refused: Violation, details: Record<string, unknown> = {}): ApiFailure {
  return new ApiFailure(status, code, refused.message, refused.rule, { ...details, violations: [refused] });
}

export const notFound = (what: string) => new ApiFailure(404, 'NOT_FOUND', `${what} was not found.`);

export const conflict = (message: string, details?: unknown) => new ApiFailure(409, 'CONFLICT', message, undefined, details);

/** Rules whose breach means a missing permission: answered 403 (R-PERM-5), every other rule 422. */
const PERMISSION_RULES = new Set(['R-PERM-3', 'R-PERM-5', 'R-MERGE-1']);

export function failureFromViolations(violations: Violation[]): ApiFailure {
  const first = violations[0]!;
  const message = violations.length === 1 ? first.message : violations.map((v) => v.message).join(' ');
  // R-PERM-4 refusing a bulk reply is said first, but what is missing is a permission (send_email).
  const permission = PERMISSION_RULES.has(first.rule) || (first.rule === 'R-PERM-4' && violations.some((v) => PERMISSION_RULES.has(v.rule)));
  return new ApiFailure(permission ? 403 : 422, permission ? 'FORBIDDEN' : 'RULE_VIOLATION', message, first.rule, {
    violations,
  });
}

/** Throws the verdict's refusal; returns quietly when it is ok. */
export function enforce(verdict: Verdict): void {
  if (!verdict.ok) throw failureFromViolations(verdict.violations);
}
