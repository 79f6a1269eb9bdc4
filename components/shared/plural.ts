import { i18n, type GeneratedI18nStructure } from '#i18n';
import { uiLocale } from './ui-locale';

type Structure = GeneratedI18nStructure;
type Substitution = string | number;

/** The messages written with plural forms in locales/en.yml (`1:` and `n:`; Japanese has one form). */
export type CountKey = { [K in keyof Structure]: Structure[K]['plural'] extends true ? K : never }[keyof Structure];

/** The substitutions after the count ($2, $3 …), as many as the English message has. */
type After<N> = N extends 2 ? [Substitution] : N extends 3 ? [Substitution, Substitution] : N extends 4 ? [Substitution, Substitution, Substitution] : [];

/** A number as the UI's locale writes it ("1,234"). */
export const numberText = (n: number): string => new Intl.NumberFormat(uiLocale()).format(n);

/**
 * A count message in the UI's language, the one way every count is written: WXT's plural support
 * picks the form by `count` (English "1 ticket" / "2 tickets", Japanese its single form), and $1 is
 * the count as the locale writes numbers ("1,234"). Messages put their count first, as $1.
 */
export function countText<K extends CountKey>(key: K, count: number, ...after: After<Structure[K]['substitutions']>): string {
  const written = numberText(count);
  // The overloads of i18n.t cannot follow a generic key; the key and arity are checked above.
  return (i18n.t as (key: string, n: number, substitutions: Substitution[]) => string)(key, count, [written, ...after]);
}
