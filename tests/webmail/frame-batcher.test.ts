// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OWN_UI_ATTRIBUTE, onPageChange } from '../../webmail/frame-batcher';
import { nextFrame } from './page-helpers';

/** Lets the observer deliver its records, then lets the frame they scheduled run. */
async function settle(): Promise<void> {
  await Promise.resolve();
  await nextFrame();
  await nextFrame();
}

/** What an adapter would pass: the attributes its selectors read. */
const ATTRIBUTES = ['class', 'aria-selected'];

function subscribe(attributes: readonly string[] = ATTRIBUTES): { calls: () => number; controller: AbortController } {
  const controller = new AbortController();
  let count = 0;
  onPageChange(document, attributes, () => count++, controller.signal);
  return { calls: () => count, controller };
}

describe('frame batcher', () => {
  const controllers: AbortController[] = [];
  let list: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = '<div role="main"><ul id="list"></ul></div>';
    list = document.getElementById('list') as HTMLElement;
  });

  afterEach(() => {
    for (const controller of controllers.splice(0)) controller.abort();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  function watched(attributes?: readonly string[]): { calls: () => number; controller: AbortController } {
    const subscription = subscribe(attributes);
    controllers.push(subscription.controller);
    return subscription;
  }

  it('coalesces 50 mutations in one tick into one callback per frame', async () => {
    const { calls } = watched();
    for (let i = 0; i < 50; i++) {
      const item = document.createElement('li');
      item.className = `row-${i}`;
      list.append(item);
    }
    await settle();
    expect(calls()).toBe(1);

    list.firstElementChild?.setAttribute('aria-selected', 'true');
    await settle();
    expect(calls()).toBe(2);
  });

  it('coalesces mutations the observer delivers in separate batches within one frame', async () => {
    const { calls } = watched();
    for (let i = 0; i < 50; i++) {
      list.append(document.createElement('li'));
      await Promise.resolve();
    }
    await settle();
    expect(calls()).toBe(1);
  });

  it('ignores attributes that do not change what the adapters read', async () => {
    const { calls } = watched();
    list.setAttribute('style', 'color: red');
    list.setAttribute('tabindex', '0');
    await settle();
    expect(calls()).toBe(0);
  });

  it('knows no provider: an attribute wakes it only when a subscriber named it', async () => {
    const { calls } = watched(['data-convid']);
    list.setAttribute('aria-selected', 'true');
    await settle();
    expect(calls()).toBe(0);
    list.setAttribute('data-convid', 'AAQk');
    await settle();
    expect(calls()).toBe(1);
  });

  it("watches what a subscriber naming other attributes asks for, beside the page adapter's", async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const page = watched(['class']);
    const other = watched(['data-convid']);
    expect(observe).toHaveBeenCalledTimes(2);
    list.setAttribute('data-convid', 'AAQk');
    await settle();
    expect([page.calls(), other.calls()]).toEqual([0, 1]);
  });

  it('ignores mounting our own UI and every change inside it', async () => {
    const { calls } = watched();
    const host = document.createElement('div');
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    list.append(host);
    await settle();

    const badge = document.createElement('span');
    host.append(badge);
    badge.className = 'badge';
    badge.setAttribute('aria-selected', 'true');
    host.remove();
    await settle();
    expect(calls()).toBe(0);

    list.append(document.createElement('li'));
    await settle();
    expect(calls()).toBe(1);
  });

  it('shares one observer between subscribers, each called once per frame', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const first = watched();
    const second = watched();
    expect(observe).toHaveBeenCalledTimes(1);

    list.append(document.createElement('li'));
    await settle();
    expect([first.calls(), second.calls()]).toEqual([1, 1]);

    first.controller.abort();
    list.append(document.createElement('li'));
    await settle();
    expect([first.calls(), second.calls()]).toEqual([1, 2]);
  });

  it('disconnects when the last subscriber aborts, dropping a frame already scheduled', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const { calls, controller } = watched();
    list.append(document.createElement('li'));
    await Promise.resolve();
    controller.abort();
    expect(disconnect).toHaveBeenCalledTimes(1);

    list.append(document.createElement('li'));
    await settle();
    expect(calls()).toBe(0);
  });

  it('never subscribes with a signal that has already aborted', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    let calls = 0;
    onPageChange(document, ATTRIBUTES, () => calls++, AbortSignal.abort());
    list.append(document.createElement('li'));
    await settle();
    expect(observe).not.toHaveBeenCalled();
    expect(calls).toBe(0);
  });

  it('falls back to a 16 ms timer where requestAnimationFrame is missing', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { calls } = watched();
    list.append(document.createElement('li'));
    list.append(document.createElement('li'));
    await Promise.resolve();
    vi.advanceTimersByTime(15);
    expect(calls()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(calls()).toBe(1);
  });
});
