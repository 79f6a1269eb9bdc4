// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startFeatures, type Feature, type FeatureContext, type FeaturePage, type Pass } from '../../content/feature-manager';
import { RowTickets } from '../../content/row-tickets';
import { anchoredUi } from '../../content/shadow-ui';
import { usePageStore } from '../../stores/page';
import { useSessionStore } from '../../stores/session';
import { createGmailAdapter } from '../../webmail/gmail/adapter';
import { loadFixture } from '../webmail/page-helpers';

/** A feature that records what the manager does with it. */
function recorder(name: string, extra: Partial<Feature> = {}) {
  const runs: { signal: AbortSignal; passes: Pass[] }[] = [];
  const feature: Feature = {
    name,
    init(context) {
      const run = { signal: context.signal, passes: [] as Pass[] };
      runs.push(run);
      return { update: (pass) => void run.passes.push(pass) };
    },
    ...extra,
  };
  return { feature, runs, updates: () => runs.reduce((sum, run) => sum + run.passes.length, 0) };
}

const Bar = defineComponent({ render: () => h('span', 'selection bar') });

/** A feature drawn into Gmail's list toolbar, the way the selection bar is. */
function toolbarFeature() {
  const signals: AbortSignal[] = [];
  const feature: Feature = {
    name: 'toolbar-test',
    init(context: FeatureContext) {
      signals.push(context.signal);
      return anchoredUi(context, { name: 'inbox-desk-test-bar', component: Bar, anchorOf: () => context.adapter.mountPoints().toolbar });
    },
  };
  return { feature, signals };
}

const toolbar = () => document.querySelector<HTMLElement>('div[gh="tm"]')!;
const bars = () => [...document.querySelectorAll('inbox-desk-test-bar')];
/** Any change the page observer reports. */
const touchPage = () => document.querySelector('[role="main"]')!.append(document.createElement('div'));

describe('feature manager', () => {
  let ctx: ContentScriptContext;
  let shared: FeaturePage;

  function sharedFor(doc: Document): FeaturePage {
    const pinia = createPinia();
    setActivePinia(pinia);
    const page = usePageStore();
    const session = useSessionStore();
    return { ctx, adapter: createGmailAdapter(doc), page, session, pinia, rowTickets: new RowTickets(page, session, async () => ({})) };
  }

  beforeEach(() => {
    ctx = new ContentScriptContext('feature-manager-test');
    shared = sharedFor(loadFixture('gmail-inbox.html'));
  });

  afterEach(() => {
    ctx.notifyInvalidated();
    vi.restoreAllMocks();
  });

  it('starts every feature on the first pass, in order, and updates it on each pass after a page change', async () => {
    const order: string[] = [];
    const first = recorder('first', { init: () => ({ update: () => void order.push('first') }) });
    const second = recorder('second');
    startFeatures([first.feature, second.feature], shared);
    await vi.waitFor(() => expect(second.updates()).toBe(1));
    expect(order).toEqual(['first']);

    touchPage();
    await vi.waitFor(() => expect(second.updates()).toBe(2));
    expect(second.runs).toHaveLength(1);
    expect(second.runs[0]!.passes).toEqual([{ recognised: true }, { recognised: true }]);
    expect(order).toEqual(['first', 'first']);
  });

  it('mounts a feature again when the webmail replaces the element it was drawn into', async () => {
    const { feature, signals } = toolbarFeature();
    startFeatures([feature], shared);
    await vi.waitFor(() => expect(bars()).toHaveLength(1));
    const old = toolbar();
    expect(old.firstElementChild).toBe(bars()[0]);
    expect(bars()[0]!.getAttribute('data-inbox-desk')).toBe('inbox-desk-test-bar');

    // Gmail draws a new toolbar when a conversation opens and the list comes back.
    const fresh = document.createElement('div');
    fresh.setAttribute('gh', 'tm');
    old.replaceWith(fresh);
    await vi.waitFor(() => expect(fresh.querySelector('inbox-desk-test-bar')).not.toBeNull());
    expect(bars()).toHaveLength(1);
    expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
  });

  it('mounts it again when the page takes our host out of the same element', async () => {
    const { feature, signals } = toolbarFeature();
    startFeatures([feature], shared);
    await vi.waitFor(() => expect(bars()).toHaveLength(1));
    bars()[0]!.remove();
    touchPage();
    await vi.waitFor(() => expect(toolbar().querySelector('inbox-desk-test-bar')).not.toBeNull());
    expect(signals).toHaveLength(2);
  });

  it('stops every run, with what it mounted, when the content script is invalidated', async () => {
    const counted = recorder('counted');
    const { feature } = toolbarFeature();
    const manager = startFeatures([counted.feature, feature], shared);
    await vi.waitFor(() => expect(bars()).toHaveLength(1));
    const updates = counted.updates();

    ctx.notifyInvalidated();
    expect(counted.runs[0]!.signal.aborted).toBe(true);
    expect(bars()).toHaveLength(0);
    touchPage();
    manager.refresh();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counted.updates()).toBe(updates);
  });

  it('keeps running the other features when one fails to start or to update, and starts the failed one again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let attempts = 0;
    const broken: Feature = {
      name: 'broken-start',
      init: () => {
        attempts++;
        throw new Error('anchor gone');
      },
    };
    const failing = recorder('broken-update', { init: () => ({ update: () => Promise.reject(new Error('lookup refused')) }) });
    const healthy = recorder('healthy');
    startFeatures([broken, failing.feature, healthy.feature], shared);
    await vi.waitFor(() => expect(healthy.updates()).toBe(1));
    expect(warn).toHaveBeenCalledWith('Inbox Desk (broken-start):', 'anchor gone');
    expect(warn).toHaveBeenCalledWith('Inbox Desk (broken-update):', 'lookup refused');

    touchPage();
    await vi.waitFor(() => expect(healthy.updates()).toBe(2));
    expect(attempts).toBe(2);
  });

  it('never overlaps passes: what arrives during one is folded into a single follow-up pass', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const slow: Feature = {
      name: 'slow',
      init: () => ({
        update: () => {
          calls++;
          return calls === 1 ? new Promise<void>((resolve) => (release = resolve)) : undefined;
        },
      }),
    };
    const manager = startFeatures([slow], shared);
    await vi.waitFor(() => expect(calls).toBe(1));
    manager.refresh();
    touchPage();
    manager.refresh();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(1);

    release();
    await vi.waitFor(() => expect(calls).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(2);
  });

  it('on a page it does not recognise, runs only the features meant for one', async () => {
    ctx.notifyInvalidated();
    ctx = new ContentScriptContext('feature-manager-test');
    shared = sharedFor(loadFixture('gmail-changed.html'));
    const notice = recorder('notice', { onUnrecognisedPage: true });
    const badges = recorder('badges');
    startFeatures([notice.feature, badges.feature], shared);
    await vi.waitFor(() => expect(notice.updates()).toBe(1));
    expect(notice.runs[0]!.passes).toEqual([{ recognised: false }]);
    expect(badges.runs).toHaveLength(0);
  });
});
