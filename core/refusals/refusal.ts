import type { RefusalParamValue, Violation } from '../schemas/error';
import { en, type RefusalKey } from './catalogue-en';
import { ja } from './catalogue-ja';

export type { RefusalKey } from './catalogue-en';
export type RefusalLanguage = 'en' | 'ja';

/**
 * A parameter of a refusal: a value shown as it is (ticket numbers, limits, names), a phrase of the
 * catalogue said in the same language (an operation, a reason), or a list of either. Plain JSON, so
 * it travels in the API's `params` and the extension says it in the agent's language.
 */
export type RefusalParam = string | number | Phrase | RefusalList;
export interface Phrase {
  key: RefusalKey;
  params?: Record<string, RefusalParam>;
}
/** `and` joins reasons ("a spam contact and …"), `comma` joins names and numbers. */
export interface RefusalList {
  list: RefusalParam[];
  join: 'and' | 'comma';
}

/** The `{name}`s of a catalogue text, so a missing or extra parameter is a compile error. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
export type ParamsOf<K extends RefusalKey> = { [P in Placeholders<(typeof en)[K]>]: RefusalParam };

const CATALOGUES: Record<RefusalLanguage, Record<RefusalKey, string>> = { en, ja };
const JOINERS: Record<RefusalLanguage, Record<RefusalList['join'], string>> = { en: { and: ' and ', comma: ', ' }, ja: { and: '、', comma: '、' } };

export function isRefusalKey(key: unknown): key is RefusalKey {
  return typeof key === 'string' && Object.hasOwn(en, key);
}

/** A phrase of the catalogue to pass as a parameter. */
export function phrase<K extends RefusalKey>(key: K, params: ParamsOf<K>): Phrase {
  return { key, params: params as Record<string, RefusalParam> };
}

export const list = (items: RefusalParam[], join: RefusalList['join'] = 'comma'): RefusalList => ({ list: items, join });

/**
 * A parameter in words: a phrase or list in the language, a value as it is. Takes the API's looser
 * shape: a phrase a newer backend knows and this catalogue does not is shown by its key.
 */
export function renderParam(language: RefusalLanguage, param: RefusalParamValue): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  if ('list' in param) return param.list.map((p) => renderParam(language, p)).join(JOINERS[language][param.join]);
  return isRefusalKey(param.key) ? renderRefusal(language, param.key, param.params ?? {}) : param.key;
}

/** The sentence in a language; an unknown placeholder stays visible rather than vanishing. */
export function renderRefusal(language: RefusalLanguage, key: RefusalKey, params: Readonly<Record<string, RefusalParamValue>>): string {
  return CATALOGUES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? renderParam(language, params[name]!) : whole));
}

/** A violation with its catalogue key and parameters; `message` is the English sentence, as before. */
export function refusal<K extends RefusalKey>(rule: string, key: K, params: ParamsOf<K>, ticketId?: number): Violation {
  const p = params as Record<string, RefusalParam>;
  const base = { rule, key, params: p, message: renderRefusal('en', key, p) };
  return ticketId === undefined ? base : { ...base, ticketId };
}

/** A violation said as a phrase inside another refusal (e.g. why a field change is refused). */
export function asPhrase(v: Violation): RefusalParam {
  return isRefusalKey(v.key) ? { key: v.key, params: (v.params ?? {}) as Record<string, RefusalParam> } : v.message;
}
