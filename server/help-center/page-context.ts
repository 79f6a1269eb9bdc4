import type { Context } from 'hono';
import { MESSAGES, type Lang, type Messages } from './messages';
import type { Visitor } from './session';
import { helpCenterUrl } from './urls';
import type { DepartmentRow } from '../db/rows';

/** What the help-center middleware settles before any page runs. */
export type HelpEnv = {
  Variables: { department: DepartmentRow; lang: Lang; langExplicit: boolean; visitor: Visitor | null; client: string };
};

/** Everything a page needs: the words, whose help center it is, who is signed in, and links that keep the chosen language. */
export interface PageContext {
  m: Messages;
  lang: Lang;
  /** The department's help-center name; null on pages of a department that has none. */
  siteTitle: string | null;
  visitor: Visitor | null;
  /** A help-center path of this department (e.g. `/tickets/5`), with `?lang=` when the visitor picked one. */
  href(subPath?: string, query?: Record<string, string>): string;
  /** The same page in the other language. */
  switchHref(subPath?: string): string;
}

function withQuery(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

const otherLang = (lang: Lang): Lang => (lang === 'ja' ? 'en' : 'ja');

export function pageContext(c: Context<HelpEnv>): PageContext {
  const department = c.get('department');
  const lang = c.get('lang');
  const base = helpCenterUrl('', department.id);
  return {
    m: MESSAGES[lang],
    lang,
    siteTitle: MESSAGES[lang].title(department.name),
    visitor: c.get('visitor'),
    href: (subPath = '', query = {}) => withQuery(`${base}${subPath}`, c.get('langExplicit') ? { ...query, lang } : query),
    switchHref: (subPath = '') => withQuery(`${base}${subPath}`, { lang: otherLang(lang) }),
  };
}

/** For answers outside any help center (unknown department, help center off): nothing to link to but the page itself. */
export function bareContext(lang: Lang, path: string): PageContext {
  return {
    m: MESSAGES[lang],
    lang,
    siteTitle: null,
    visitor: null,
    href: () => path,
    switchHref: () => withQuery(path, { lang: otherLang(lang) }),
  };
}
