import { describe, expect, it } from 'vitest';
import { dateText, dateTimeText, relativeText, timeText } from '../../../components/shared/date-text';
import { useLocale } from '../setup';

const AT = '2026-12-04T20:07:00Z';
const NOW = Date.parse(AT);
const tokyo = { timeZone: 'Asia/Tokyo' };
const berlin = { timeZone: 'Europe/Berlin' };

describe('dates and times, one format per locale, in the agent’s time zone', () => {
  it('English: medium date and short time, shifted into the given zone (never raw UTC)', () => {
    expect(dateTimeText(AT, tokyo)).toBe('Dec 5, 2026, 5:07 AM');
    expect(dateTimeText(AT, berlin)).toBe('Dec 4, 2026, 9:07 PM');
    expect(dateText(AT, tokyo)).toBe('Dec 5, 2026');
    expect(timeText(AT, berlin)).toBe('9:07 PM');
  });

  it('Japanese: the catalog decides the format', () => {
    useLocale('ja');
    expect(dateTimeText(AT, tokyo)).toBe('2026/12/05 5:07');
    expect(dateText(AT, berlin)).toBe('2026/12/04');
    expect(timeText(AT, berlin)).toBe('21:07');
  });

  it('an explicit locale wins over the catalog', () => {
    useLocale('ja');
    expect(dateText(AT, { ...tokyo, locale: 'en' })).toBe('Dec 5, 2026');
  });

  it('English relative times for lists: now, minutes, hours, yesterday, then the date', () => {
    const ago = (ms: number) => relativeText(NOW - ms, { ...tokyo, now: NOW });
    expect(ago(20_000)).toBe('now');
    expect(ago(3 * 60_000)).toBe('3 minutes ago');
    expect(ago(60_000)).toBe('1 minute ago');
    expect(ago(5 * 3_600_000)).toBe('5 hours ago');
    expect(ago(30 * 3_600_000)).toBe('yesterday');
    expect(ago(9 * 86_400_000)).toBe('Nov 26, 2026');
    expect(relativeText(NOW + 2 * 86_400_000, { now: NOW })).toBe('in 2 days');
  });

  it('Japanese relative times', () => {
    useLocale('ja');
    const ago = (ms: number) => relativeText(NOW - ms, { ...tokyo, now: NOW });
    expect(ago(3 * 60_000)).toBe('3 分前');
    expect(ago(5 * 3_600_000)).toBe('5 時間前');
    expect(ago(30 * 3_600_000)).toBe('昨日');
    expect(ago(9 * 86_400_000)).toBe('2026/11/26');
  });
});
