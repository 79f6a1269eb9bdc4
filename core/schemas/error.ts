import { z } from 'zod';

/** Stable error codes of the API (DESIGN.md "Contracts"). */
export const ErrorCode = z.enum(['VALIDATION', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RULE_VIOLATION', 'RATE_LIMITED', 'INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A RULES.md id such as R-BULK-3. */
export const RuleId = z.string().regex(/^R-[A-Z]+-\d+$/);
export type RuleId = z.infer<typeof RuleId>;

/** A parameter of a refusal (core/refusals/refusal.ts): a value, a catalogue phrase, or a list of them. */
export const RefusalParam: z.ZodType<RefusalParamValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.object({ key: z.string(), params: z.record(z.string(), RefusalParam).optional() }),
    z.object({ list: z.array(RefusalParam), join: z.enum(['and', 'comma']) }),
  ]),
);
export type RefusalParamValue = string | number | { key: string; params?: Record<string, RefusalParamValue> } | { list: RefusalParamValue[]; join: 'and' | 'comma' };

/**
 * `message` is the English sentence; `key` and `params` name it in the refusal catalogue, so a
 * client says it in its user's language (issue 24 item 4). Older answers carry `message` only.
 */
export const Violation = z.object({
  rule: RuleId,
  message: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), RefusalParam).optional(),
  ticketId: z.number().int().positive().optional(),
});
export type Violation = z.infer<typeof Violation>;

/** A refusal in a preview: a rule's violation, or a failure no rule names (then `rule` is absent). */
export const PreviewRefusal = Violation.extend({ rule: z.string().optional() });
export type PreviewRefusal = z.infer<typeof PreviewRefusal>;

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
