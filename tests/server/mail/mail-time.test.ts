import { describe, expect, it } from 'vitest';
import { mailTime } from '../../../server/mail/mail-time';

const AT = new Date('2026-12-04T20:07:00Z');

describe('times in server mail', () => {
  it('say UTC when no time zone of the recipient is known', () => {
    expect(mailTime(AT)).toBe('4 Dec 2026, 20:07 UTC');
    expect(mailTime(AT, null)).toBe('4 Dec 2026, 20:07 UTC');
  });

  it("are shifted into the recipient's zone and name it when one is known", () => {
    expect(mailTime(AT, 'Asia/Tokyo')).toBe('5 Dec 2026, 05:07 (Asia/Tokyo)');
  });
});
