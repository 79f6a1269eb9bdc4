import { i18n } from '#i18n';
import { isRefusalKey, renderRefusal, type RefusalLanguage } from '../../core/refusals/refusal';
import type { Verdict } from '../../core/rules/verdict';
import { ErrorCode, type RefusalParamValue } from '../../core/schemas/error';
import type { MessageError } from '../../core/schemas/messages';

/** A refusal as the server or a core rule gives it: a catalogue key and params, or (older answers, job items) words only. */
export interface ShownRefusal {
  rule?: string | null;
  message: string;
  key?: string;
  params?: Record<string, unknown>;
}

/** Job items and older answers still carry "R-BULK-11: words"; the code goes to the tooltip, not the sentence. */
const RULE_PREFIX = /^(R-[A-Z]+-\d+): /;

/**
 * The language the extension speaks: the locale file Chrome picked for the browser's UI language
 * (ja.yml says ja), so refusals and the rest of the UI never disagree, whatever the fallback.
 */
export function refusalLanguage(): RefusalLanguage {
  return i18n.t('refusal.language') === 'ja' ? 'ja' : 'en';
}

/** The refusal as a plain sentence in the UI language, without its rule id (issue 26 "Rule codes as sentences"). */
export function refusalSentence(refusal: ShownRefusal): string {
  if (isRefusalKey(refusal.key)) return renderRefusal(refusalLanguage(), refusal.key, (refusal.params ?? {}) as Record<string, RefusalParamValue>);
  return refusal.message.replace(RULE_PREFIX, '');
}

/** The RULES.md id behind a refusal, for the "why?" tooltip. */
export function refusalRule(refusal: ShownRefusal): string | null {
  return refusal.rule ?? RULE_PREFIX.exec(refusal.message)?.[1] ?? null;
}

/** The tooltip naming the rule, or undefined when no rule refused it. */
export function refusalTitle(refusal: ShownRefusal): string | undefined {
  const rule = refusalRule(refusal);
  return rule === null ? undefined : i18n.t('refusal.why', [rule]);
}

/** A disabled control's reason: the verdict's first refusal as a sentence, or null when it is ok. */
export function verdictReason(verdict: Verdict): string | null {
  return verdict.ok ? null : refusalSentence(verdict.violations[0]!);
}

/** The refusals an API error carries: its listed violations, or the error itself. */
export function errorRefusals(error: MessageError): ShownRefusal[] {
  const listed = (error.details as { violations?: unknown } | undefined)?.violations;
  if (Array.isArray(listed) && listed.length > 0 && listed.every((v) => typeof (v as ShownRefusal)?.message === 'string')) return listed as ShownRefusal[];
  return [{ rule: error.rule ?? null, message: error.message }];
}

/**
 * What a failed call says to the agent, in the UI language: the rules' refusals as sentences; other
 * errors by their code from the locale files (in English the backend's own, more precise words).
 */
export function errorText(error: MessageError): string {
  const refusals = errorRefusals(error);
  if (refusals.some((r) => isRefusalKey(r.key))) return refusals.map(refusalSentence).join(' ');
  const code = ErrorCode.safeParse(error.code);
  if (refusalLanguage() === 'ja' && code.success) return i18n.t(`apiError.${code.data}`);
  return refusals.map(refusalSentence).join(' ');
}

/** A MessageFailure (messaging/send) carries the background's error; recognised by shape, so the popup need not load the protocol. */
const messageErrorOf = (failure: unknown): MessageError | null =>
  failure instanceof Error && typeof (failure as { error?: unknown }).error === 'object' && (failure as unknown as { error: object | null }).error !== null
    ? (failure as unknown as { error: MessageError }).error
    : null;

/** errorText for anything a call may throw. */
export function failureText(failure: unknown): string {
  const error = messageErrorOf(failure);
  if (error) return errorText(error);
  return failure instanceof Error ? failure.message : String(failure);
}
