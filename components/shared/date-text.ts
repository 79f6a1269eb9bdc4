import { uiLocale } from './ui-locale';

/**
 * The one way dates and times are written in the extension: in the UI's locale (the catalog Chrome
 * picked, so dates match the words around them) and in the agent's own time zone (the browser's;
 * a timestamp is never printed as raw UTC). Tests pass locale and zone to pin them.
 */
export interface DateTextOptions {
  locale?: string;
  /** An IANA zone such as "Asia/Tokyo"; the browser's when absent. */
  timeZone?: string;
  /** For relative times: "now" in epoch milliseconds. */
  now?: number;
}

type When = string | number | Date;

const STYLES = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const formats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and lists print hundreds of times: one per locale, zone and style. */
function formatter(style: keyof typeof STYLES, options: DateTextOptions): Intl.DateTimeFormat {
  const locale = options.locale ?? uiLocale();
  const key = `${style}|${locale}|${options.timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...STYLES[style], ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
    formats.set(key, format);
  }
  return format;
}

const toDate = (when: When) => (when instanceof Date ? when : new Date(when));

/** "Dec 4, 2026, 9:07 PM" / "2026/12/04 21:07". */
export const dateTimeText = (when: When, options: DateTextOptions = {}) => formatter('dateTime', options).format(toDate(when));
/** "Dec 4, 2026" / "2026/12/04". */
export const dateText = (when: When, options: DateTextOptions = {}) => formatter('date', options).format(toDate(when));
/** "9:07 PM" / "21:07". */
export const timeText = (when: When, options: DateTextOptions = {}) => formatter('time', options).format(toDate(when));

/** Largest unit first; past a week a list shows the date itself, which reads better than "5 weeks ago". */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const WEEK = 7 * 86_400_000;

/**
 * For times in lists: "3 minutes ago" / "3 分前", "just now" under a minute, the date past a week.
 * Pair it with dateTimeText in the element's title, so the exact time is one hover away.
 */
export function relativeText(when: When, options: DateTextOptions = {}): string {
  const locale = options.locale ?? uiLocale();
  const diff = toDate(when).getTime() - (options.now ?? Date.now());
  if (Math.abs(diff) >= WEEK) return dateText(when, options);
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return words.format(Math.trunc(diff / ms), unit);
  }
  return words.format(0, 'second');
}
