import { z } from 'zod';

/** Stable error codes of the API (DESIGN.md "Contracts"). */
export const ErrorCode = z.enum(['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RULE_VIOLATION', 'RATE_LIMITED', 'INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A RULES.md id such as R-BULK-3. */
export const RuleId = z.string().regex(/^R-[A-Z]+-\d+$/);
export type RuleId = z.infer<typeof RuleId>;

export const Violation = z.object({
  rule: RuleId,
  message: z.string(),
  ticketId: z.number().int().positive().optional(),
});
export type Violation = z.infer<typeof Violation>;

export const ApiError = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      rule: RuleId.optional(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;
