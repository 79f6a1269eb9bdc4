import { createShadowRootUi, type ShadowRootContentScriptUi } from '#imports';
import { createApp, type App, type Component } from 'vue';
import { OWN_UI_ATTRIBUTE } from '../webmail/frame-batcher';
import type { FeatureContext, FeatureRun } from './feature-manager';

export type ShadowUi = ShadowRootContentScriptUi<App>;

export interface ShadowUiOptions {
  /** The host element's tag, also its data-inbox-desk value. */
  name: string;
  component: Component;
  anchor: Element;
  /** inline: first child of the anchor; overlay: floats over it. */
  position?: 'inline' | 'overlay';
}

/**
 * Mounts a Vue component in its own shadow root (the webmail's CSS stays out) with the page's Pinia,
 * as the anchor's first child; removed when the run's signal aborts. Null when the run ended while
 * the UI's CSS loaded.
 */
export async function mountShadowUi({ ctx, pinia, signal }: FeatureContext, { name, component, anchor, position = 'inline' }: ShadowUiOptions): Promise<ShadowUi | null> {
  const ui = await createShadowRootUi(ctx, {
    name,
    position,
    anchor,
    append: 'first',
    onMount(container, _shadow, host) {
      // Marked as ours, so that the page observer ignores our own rendering.
      host.setAttribute(OWN_UI_ATTRIBUTE, name);
      const app = createApp(component);
      app.use(pinia);
      app.mount(container);
      return app;
    },
    onRemove: (app) => app?.unmount(),
  });
  if (signal.aborted) {
    ui.remove();
    return null;
  }
  ui.mount();
  signal.addEventListener('abort', () => ui.remove(), { once: true });
  return ui;
}

export interface AnchoredUiOptions extends Omit<ShadowUiOptions, 'anchor' | 'position'> {
  /** Where the UI goes on the page as it is now, or null when that part of the page is not shown. */
  anchorOf(): Element | null;
  /** Mount only when this holds at the start of the run (the panel needs an open conversation). */
  when?(): boolean;
}

/**
 * The run of a feature drawn into one element of the page (the list toolbar, the open conversation's
 * header): mounted there when it exists, and intact while the page keeps that element and our host
 * in it. Webmail re-draws these parts when the view changes; the manager then starts it again.
 */
export async function anchoredUi(context: FeatureContext, { anchorOf, when = () => true, ...ui }: AnchoredUiOptions): Promise<FeatureRun> {
  const anchor = anchorOf();
  const mounted = anchor && when() ? await mountShadowUi(context, { ...ui, anchor }) : null;
  return { isIntact: () => anchorOf() === anchor && (mounted?.shadowHost.isConnected ?? true) };
}
