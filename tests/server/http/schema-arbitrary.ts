import fc from 'fast-check';
import { z } from 'zod';

/** The part of JSON Schema (as z.toJSONSchema writes it) that the generator reads. */
interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Text the database cannot store or that breaks a mail header: the inputs the boundary must refuse. */
const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uD800',
  'line\r\nBcc: evil@attacker.test',
  '\n',
  '\r',
  '<x@y>\r\n',
  '\uFEFF',
  '%00',
  "'; drop table tickets; --",
];
const ODD_DATES = ['0000-01-01T00:00:00Z', '0000-12-31T23:59:59+14:00', '9999-12-31T23:59:59-05:00', '1000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-11-05T10:00:00+00:00'];
const ODD_NUMBERS = [0, -1, 1.5, 2 ** 31, 2 ** 53, 2 ** 63, 1e308, -1e308, Number.MAX_SAFE_INTEGER];

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
/** Plain addresses (fast-check's own emailAddress() is RFC 5322 at its widest, which the API rightly refuses). */
const EMAIL = fc.tuple(word, word).map(([local, domain]) => `${local}@${domain}.test`);

/** Mostly the world's small ids (so requests reach the database); when wild, sometimes numbers no column holds. */
function number(s: JsonSchema, integer: boolean, wild: boolean) {
  const step = integer ? 1 : 1e-6;
  const min = s.minimum ?? (s.exclusiveMinimum === undefined ? -1000 : s.exclusiveMinimum + step);
  const max = Math.min(s.maximum ?? (s.exclusiveMaximum === undefined ? 1000 : s.exclusiveMaximum - step), 1e6);
  const inRange = integer ? fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) }) : fc.double({ min, max, noNaN: true });
  const small = fc.integer({ min: Math.max(1, Math.ceil(min)), max: Math.max(Math.max(1, Math.ceil(min)), Math.min(6, Math.floor(max))) });
  if (!wild) return fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: inRange });
  return fc.oneof({ weight: 12, arbitrary: small }, { weight: 3, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(...ODD_NUMBERS) });
}

const withNasty = (plain: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 16, arbitrary: plain },
    { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.tuple(plain, fc.constantFrom(...NASTY_STRINGS)).map(([s, bad]) => `${s}${bad}${s}`) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );

function plainString(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'email') return EMAIL;
  if (s.format === 'date-time') return fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date') return fc.constant('2026-11-05');
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern), { maxLength: 40 } as never);
  const min = Math.min(s.minLength ?? 0, 20);
  return fc.string({ minLength: min, maxLength: Math.max(Math.min(s.maxLength ?? 40, 40), min) });
}

function string(s: JsonSchema, wild: boolean): fc.Arbitrary<string> {
  if (!wild) return plainString(s);
  if (s.format === 'date-time') return fc.oneof(fc.constantFrom(...ODD_DATES), plainString(s));
  if (s.format === 'date') return fc.constantFrom('0000-01-01', '2026-11-05', '2026-13-01');
  return withNasty(plainString(s));
}

function object(s: JsonSchema, root: JsonSchema, depth: number, wild: boolean): fc.Arbitrary<unknown> {
  const properties = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(properties.map(([key, prop]) => [key, arbitraryOf(prop, root, wild, depth + 1)]));
  const extra = s.additionalProperties && typeof s.additionalProperties === 'object' ? s.additionalProperties : null;
  if (properties.length === 0) return extra ? fc.dictionary(string({ minLength: 1 }, wild), arbitraryOf(extra, root, wild, depth + 1), { maxKeys: 3 }) : fc.constant({});
  return fc.record(record, { requiredKeys: properties.map(([k]) => k).filter((k) => required.has(k)) });
}

/**
 * A fast-check arbitrary for the values a JSON Schema describes: valid ones, or (wild) with the odd
 * values it must refuse anywhere.
 */
export function arbitraryOf(s: JsonSchema, root: JsonSchema, wild: boolean, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  const next = (schema: JsonSchema) => arbitraryOf(schema, root, wild, depth + 1);
  if (s.$ref) return next(root.$defs?.[s.$ref.replace('#/$defs/', '')] ?? {});
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(next));
  if (s.allOf?.length) return next(s.allOf[0]!);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => next({ ...s, type })));
  switch (s.type) {
    case 'string':
      return string(s, wild);
    case 'integer':
      return number(s, true, wild);
    case 'number':
      return number(s, false, wild);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(next(s.items ?? {}), { minLength: wild ? 0 : Math.min(s.minItems ?? 0, 4), maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object':
      return object(s, root, depth, wild);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every string and number inside a value, as [container, key] pairs. */
function leavesOf(value: unknown, out: [Record<string, unknown>, string][] = []): [Record<string, unknown>, string][] {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'string' || typeof child === 'number') out.push([value as Record<string, unknown>, key]);
    else leavesOf(child, out);
  }
  return out;
}

/** A valid value with one of its strings or numbers replaced by one the boundary must refuse. */
const oneBadField = (valid: fc.Arbitrary<unknown>) =>
  fc.tuple(valid, fc.nat(), fc.constantFrom(...NASTY_STRINGS, ...ODD_DATES), fc.constantFrom(...ODD_NUMBERS)).map(([value, pick, badText, badNumber]) => {
    const copy = structuredClone(value);
    const leaves = leavesOf(copy);
    if (leaves.length === 0) return copy;
    const [container, key] = leaves[pick % leaves.length]!;
    const old = container[key];
    container[key] = typeof old === 'number' ? badNumber : typeof old === 'string' && old.length > 2 ? `${old.slice(0, 2)}${badText}${old.slice(2)}` : badText;
    return copy;
  });

/** Valid input, valid input with one bad field, input with odd values anywhere, and now and then any JSON value. */
export function requestValues(schema: z.ZodType): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  const valid = arbitraryOf(json, json, false);
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 4, arbitrary: oneBadField(valid) },
    { weight: 3, arbitrary: arbitraryOf(json, json, true) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}
