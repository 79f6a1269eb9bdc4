/**
 * A time in a mail the server writes. Mail is read anywhere, so a time is never bare: in the
 * recipient's time zone when one is known (named after it), otherwise in UTC, saying "UTC".
 * Written day-month-year with a 24-hour clock, which no English reader misreads.
 */
export function mailTime(at: Date, timeZone?: string | null): string {
  const zone = timeZone || 'UTC';
  const text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(at);
  return zone === 'UTC' ? `${text} UTC` : `${text} (${zone})`;
}
