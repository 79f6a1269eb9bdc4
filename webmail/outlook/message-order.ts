import type { ThreadMessage } from '../adapter';

/**
 * "Newest on top" (Outlook: Settings → Mail → Layout → Message organisation) draws the reading pane
 * upside down; a ticket takes its contact from the first message, so the order must be the mail's.
 * Told apart by the dates the messages show; when fewer than two can be read, the page's order stays.
 */
export function oldestFirst(messages: ThreadMessage[]): ThreadMessage[] {
  const times = messages.map((m) => timeOf(m.date)).filter((t): t is number => t !== null);
  const first = times[0];
  const last = times.at(-1);
  return first !== undefined && last !== undefined && first > last ? [...messages].reverse() : messages;
}

/** "Tue 11/3/2026 10:42 AM" as Outlook writes it in English; the weekday is dropped, Date.parse takes the rest. */
function timeOf(date: string | null): number | null {
  if (!date) return null;
  const time = Date.parse(date.replace(/^[^\d\s]+\.?,?\s+/, ''));
  return Number.isNaN(time) ? null : time;
}
