import { queryAll, queryFirst } from '../dom-query';
import { MAIN_CONTENT_CONTAINER, VIEW } from './selectors';

/** The views Gmail keeps in its main content container: the one shown and those it has left, hidden. */
export function gmailViews(doc: Document): HTMLElement[] {
  const container = queryFirst(doc, MAIN_CONTENT_CONTAINER);
  return container ? queryAll(container, VIEW) : [];
}

/**
 * Where every query of the adapter is scoped: the view Gmail shows now. A view it has left (the
 * conversation of a deep link after "Back to Inbox", the inbox while a conversation is open) keeps
 * its rows, toolbar and heading in the DOM, hidden; reading those would act on what the agent does
 * not see. Null while Gmail has its views but shows none (mid-switch). A page without the container
 * (a Gmail that changed, the demo mailbox) is one view: the document.
 */
export function gmailVisibleView(doc: Document): ParentNode | null {
  const views = gmailViews(doc);
  if (views.length === 0) return doc;
  return views.find((view) => view.style.display !== 'none') ?? null;
}

/**
 * Calls back when Gmail switches views by style alone (display:none on the old one, removed from the
 * new one). Only the views themselves are watched for style: Gmail restyles everything inside them
 * on hover and focus. `rewatch` is called on every other page change, since views come and go.
 */
export function watchViewSwitches(doc: Document, callback: () => void, signal: AbortSignal): { rewatch(): void } {
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    // Coalesced like the page observer: one call per frame, however many views changed.
    requestAnimationFrame(() => {
      pending = false;
      if (!signal.aborted) callback();
    });
  });
  const watched = new WeakSet<HTMLElement>();
  const rewatch = () => {
    for (const view of gmailViews(doc)) {
      if (watched.has(view)) continue;
      watched.add(view);
      observer.observe(view, { attributes: true, attributeFilter: ['style'] });
    }
  };
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  if (!signal.aborted) rewatch();
  return { rewatch };
}
