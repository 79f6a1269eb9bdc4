/** Scripts whose names are written family name first and have no initials (山本 浩, 王 伟). */
const FAMILY_FIRST = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A name without a space in these scripts ("山本浩") has no visible split; up to this length it stays whole. */
const WHOLE_UP_TO = 4;

/**
 * The assignee's name as short as a row badge needs it. Japanese (and Chinese) names put the
 * family name first, and colleagues call each other by it: 山本 浩 → 山本, never 山浩. Other names
 * give at most two initials: Dana Agent → DA.
 */
export function shortName(name: string): string {
  const parts = name.split(/[\s\u3000]+/).filter(Boolean);
  if (parts.length === 0) return '';
  if (FAMILY_FIRST.test(parts[0]!)) {
    if (parts.length > 1) return parts[0]!;
    const chars = [...parts[0]!];
    return chars.length <= WHOLE_UP_TO ? parts[0]! : chars.slice(0, 2).join('');
  }
  return parts
    .slice(0, 2)
    .map((part) => [...part][0]!.toUpperCase())
    .join('');
}
