/**
 * A tiny seeded PRNG: the demo must look the same on every machine and every run, so screenshots,
 * docs and bug reports about "ticket #1042" stay comparable. Math.random would break that.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight, e.g. [['email', 45], ['chat', 10]]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** n distinct items in random order (fewer when the list is shorter). */
  sample<T>(items: readonly T[], n: number): T[];
  /** n lower-case hexadecimal digits. */
  hex(n: number): string;
  bytes(n: number): Uint8Array;
}

/** mulberry32: 32-bit state, good enough spread for picking demo data, and a few lines long. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick() needs at least one item');
    return items[int(0, items.length - 1)]!;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries.at(-1)![0];
    },
    sample<T>(items: readonly T[], n: number): T[] {
      const copy = [...items];
      // Partial Fisher–Yates: only the first n slots need shuffling.
      const count = Math.min(n, copy.length);
      for (let i = 0; i < count; i++) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, count);
    },
    hex: (n) => Array.from({ length: n }, () => int(0, 15).toString(16)).join(''),
    bytes: (n) => Uint8Array.from({ length: n }, () => int(0, 255)),
  };
}

/** Bulk inserts go in slices so one statement never carries thousands of bind parameters. */
export function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Real mail and chat timestamps are whole seconds; milliseconds would give the demo away. */
export const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;
