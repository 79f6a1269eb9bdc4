import type { ContentScriptContext } from '#imports';
import type { Pinia } from 'pinia';
import type { usePageStore } from '../stores/page';
import type { useSessionStore } from '../stores/session';
import type { WebmailAdapter } from '../webmail/adapter';
import type { RowTickets } from './row-tickets';

/** What every feature of one webmail page shares; content/start.ts builds it once per page. */
export interface FeaturePage {
  ctx: ContentScriptContext;
  adapter: WebmailAdapter;
  page: ReturnType<typeof usePageStore>;
  session: ReturnType<typeof useSessionStore>;
  /** The page's Pinia, for the Vue apps features mount (each in its own shadow root). */
  pinia: Pinia;
  /** The tickets of the listed conversations, looked up once for the badges and the selection. */
  rowTickets: RowTickets;
}

/** What one run of a feature gets. */
export interface FeatureContext extends FeaturePage {
  /** Aborts when this run ends: its view went away, or the content script was invalidated. */
  signal: AbortSignal;
  /** Asks for a pass soon (a timer, a push); folded into the next one while a pass runs. */
  refresh(): void;
}

/** What the manager knows of the page during one pass. */
export interface Pass {
  recognised: boolean;
}

/** One run of a feature: started by init, brought up to date by every pass until its signal aborts. */
export interface FeatureRun {
  /** Runs on every pass, starting with the one that started the run. */
  update?(pass: Pass): void | Promise<void>;
  /**
   * False once the view the run was started on is gone: the element it was drawn into was replaced
   * (Gmail re-draws its toolbar when a conversation opens and closes) or our host was taken out of
   * it. The manager then ends the run and starts the feature again on the page as it is now.
   */
  isIntact?(): boolean;
}

/** One in-page feature (content/features/<name>.ts). */
export interface Feature {
  readonly name: string;
  /** Also runs while the page is not recognised (limited mode); every other feature waits for a recognised page. */
  readonly onUnrecognisedPage?: boolean;
  /** Starts a run; everything it mounts, listens to or times stops when `context.signal` aborts. */
  init(context: FeatureContext): FeatureRun | Promise<FeatureRun>;
}

export interface FeatureManager {
  /** Asks for a pass soon; folded into the next one while a pass runs. */
  refresh(): void;
}

interface Running {
  run: FeatureRun;
  stop: AbortController;
}

/**
 * Runs the features on one page: a pass after every change the adapter reports (at most one per
 * animation frame) and on refresh(). Each pass takes the features in order, starts those not
 * running, starts again those whose view is gone, and updates the rest. Passes never overlap, and
 * every run stops when the content script is invalidated.
 */
export function startFeatures(features: readonly Feature[], shared: FeaturePage): FeatureManager {
  const { ctx, adapter } = shared;
  const running = new Map<Feature, Running>();

  async function start(feature: Feature): Promise<Running> {
    const stop = new AbortController();
    const signal = AbortSignal.any([ctx.signal, stop.signal]);
    try {
      return { run: await feature.init({ ...shared, signal, refresh: schedule }), stop };
    } catch (error) {
      // Whatever init had started before it failed stops; the next pass tries again.
      stop.abort();
      throw error;
    }
  }

  async function step(feature: Feature, pass: Pass): Promise<void> {
    let current = running.get(feature);
    if (current?.run.isIntact?.() === false) {
      current.stop.abort();
      running.delete(feature);
      current = undefined;
    }
    if (!current) {
      current = await start(feature);
      running.set(feature, current);
    }
    await current.run.update?.(pass);
  }

  async function pass(): Promise<void> {
    const recognised = adapter.recognised();
    for (const feature of features) {
      if (ctx.signal.aborted) return;
      if (!recognised && !feature.onUnrecognisedPage) continue;
      // One broken feature must not keep the others from running.
      await step(feature, { recognised }).catch((error: unknown) => console.warn(`Inbox Desk (${feature.name}):`, (error as Error).message));
    }
  }

  // Passes never overlap: changes that arrive during one are folded into a single follow-up pass.
  let inFlight: Promise<void> | null = null;
  let again = false;
  function schedule(): void {
    if (ctx.signal.aborted) return;
    if (inFlight) return void (again = true);
    inFlight = pass().finally(() => {
      inFlight = null;
      if (again) {
        again = false;
        schedule();
      }
    });
  }

  adapter.onChange(schedule, ctx.signal);
  schedule();
  return { refresh: schedule };
}
