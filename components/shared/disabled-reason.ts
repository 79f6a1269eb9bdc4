/**
 * The first reason a control cannot work now, or null when it can. Callers list the conditions in
 * the order an agent should fix them (connect first, then the mailbox, then the selection).
 */
export function firstReason(...candidates: (string | null | undefined | false)[]): string | null {
  return candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '') ?? null;
}
