/**
 * The ticket number our mail puts in subjects, `[#1234]` (CC notices do; customers keep it when
 * they answer). The first one counts: a forwarded chain may quote older numbers after it.
 */
export function ticketNumberInSubject(subject: string): number | null {
  const match = /\[#(\d{1,9})\]/.exec(subject);
  return match ? Number(match[1]) : null;
}
