import { describe, expect, it } from 'vitest';
import { shortName } from '../../../content/features/short-name';

describe('the assignee’s short name on a row badge', () => {
  it('Japanese names are family name first: the family name, not a mix of both', () => {
    expect(shortName('山本 浩')).toBe('山本');
    expect(shortName('山本\u3000浩')).toBe('山本');
    expect(shortName('佐々木 美咲')).toBe('佐々木');
    expect(shortName('たなか はなこ')).toBe('たなか');
  });

  it('a Japanese name written without a space stays whole when short, else its first two characters', () => {
    expect(shortName('山田')).toBe('山田');
    expect(shortName('山本浩')).toBe('山本浩');
    expect(shortName('長谷川みどり')).toBe('長谷');
  });

  it('Chinese names also keep the family name', () => {
    expect(shortName('王 伟')).toBe('王');
  });

  it('other names give at most two initials, upper-cased, in any alphabet', () => {
    expect(shortName('Dana  Agent')).toBe('DA');
    expect(shortName('ümit çelik yılmaz')).toBe('ÜÇ');
    expect(shortName('Cher')).toBe('C');
  });

  it('an empty name gives nothing', () => {
    expect(shortName('  ')).toBe('');
  });
});
