import { LANGS, type Lang } from './messages';

const isLang = (value: string | undefined): value is Lang => LANGS.includes(value as Lang);

/** The languages an Accept-Language header asks for, most wanted first (q=0 means "not this one"). */
function preferred(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .map((p) => p.trim())
          .find((p) => p.startsWith('q='))
          ?.slice(2) ?? 1,
      );
      return { primary: tag.trim().toLowerCase().split('-')[0]!, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.primary);
}

/** `?lang=` wins and is carried on every link (explicit); else the browser's first supported language; else English. */
export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined): { lang: Lang; explicit: boolean } {
  if (isLang(query)) return { lang: query, explicit: true };
  const wanted = preferred(acceptLanguage ?? '').find(isLang);
  return { lang: wanted ?? 'en', explicit: false };
}
