import { describe, expect, it } from 'vitest';
import { WindowCounter } from '../../../server/http/rate-limit';

const MINUTE = 60_000;

describe('WindowCounter: bounded, and a flood of new keys resets nobody', () => {
  it('an address at its limit stays limited while 20,000 other keys arrive', () => {
    const counter = new WindowCounter({ limit: 5, windowMs: MINUTE });
    for (let i = 0; i < 5; i++) expect(counter.hit('203.0.113.7', 0)).toBeNull();
    expect(counter.hit('203.0.113.7', 1)).toBe(MINUTE - 1);
    for (let i = 0; i < 20_000; i++) counter.hit(`flood-${i}`, 2 + i / 1000);
    expect(counter.size).toBeLessThanOrEqual(10_000);
    expect(counter.hit('203.0.113.7', 30_000)).toBe(MINUTE - 30_000);
  });

  it('a key within its limit keeps its count while others come and go, up to maxKeys', () => {
    const counter = new WindowCounter({ limit: 3, windowMs: MINUTE, maxKeys: 100 });
    counter.hit('regular', 0);
    counter.hit('regular', 0);
    for (let i = 0; i < 98; i++) counter.hit(`other-${i}`, 1);
    expect(counter.hit('regular', 2)).toBeNull();
    expect(counter.hit('regular', 2)).not.toBeNull();
  });

  it('expired windows are dropped before live ones, even an expired limited one', () => {
    const counter = new WindowCounter({ limit: 1, windowMs: MINUTE, maxKeys: 3 });
    counter.hit('old', 0);
    counter.hit('old', 0);
    counter.hit('live-1', 30_000);
    counter.hit('live-2', 30_000);
    counter.hit('new', MINUTE + 1);
    expect(counter.size).toBe(3);
    expect(counter.hit('live-1', MINUTE + 2), 'live-1 kept its count').not.toBeNull();
    expect(counter.hit('live-2', MINUTE + 2), 'live-2 kept its count').not.toBeNull();
  });

  it('when every key is live the oldest window under the limit goes first', () => {
    const counter = new WindowCounter({ limit: 1, windowMs: MINUTE, maxKeys: 3 });
    counter.hit('limited', 0);
    counter.hit('limited', 0);
    counter.hit('first', 1);
    counter.hit('second', 2);
    counter.hit('third', 3);
    expect(counter.size).toBe(3);
    expect(counter.hit('limited', 4)).not.toBeNull();
    expect(counter.hit('second', 5), 'second kept its count').not.toBeNull();
    expect(counter.hit('first', 6), 'first was evicted and starts again').toBeNull();
  });

  it('a window ends after windowMs and counts from one again', () => {
    const counter = new WindowCounter({ limit: 1, windowMs: MINUTE });
    counter.hit('a', 0);
    expect(counter.hit('a', MINUTE - 1)).toBe(1);
    expect(counter.hit('a', MINUTE)).toBeNull();
  });
});
