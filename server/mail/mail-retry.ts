import type { SendOutcome } from './smtp-mailer';

/**
 * Waits before the 2nd, 3rd… hand-over of any outgoing message (a reply's recipient, a notice, a
 * result) after a transient failure (nothing handed over, or a 4xx); its length is the number of retries. About three hours in all: an SMTP
 * outage of an afternoon still delivers, a longer one ends in `failed` that admins see and resend.
 */
export const DEFAULT_RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 7_200_000];

/** A sign-in link lasts 15 minutes (help-center/sign-in-links.ts): retried only while it can still be used. */
const SIGN_IN_RETRY_DELAYS_MS = [30_000, 120_000, 300_000];

export const retryDelaysFor = (kind: string): readonly number[] => (kind === 'sign_in_link' ? SIGN_IN_RETRY_DELAYS_MS : DEFAULT_RETRY_DELAYS_MS);

/** Where a recorded message goes after one hand-over. */
export type NextStep = { status: 'sent' | 'failed' | 'uncertain'; response: string } | { status: 'retrying'; response: string; delayMs: number };

/**
 * `uncertain` stays so whatever the attempt count: the message data went out, so it may have
 * arrived, and only an admin's confirmed Resend sends it again (issue 21).
 */
export function nextStep(outcome: SendOutcome, attempts: number, delaysMs: readonly number[]): NextStep {
  if (outcome.status !== 'retry') return { status: outcome.status, response: outcome.response };
  const delayMs = delaysMs[attempts - 1];
  if (delayMs === undefined) return { status: 'failed', response: `Not delivered after ${attempts} attempts: ${outcome.response}` };
  return { status: 'retrying', response: `Attempt ${attempts} of ${delaysMs.length + 1} not delivered, tried again later: ${outcome.response}`, delayMs };
}
