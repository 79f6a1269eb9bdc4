/**
 * One MutationObserver per page, shared by every feature (DESIGN.md "One observer per page"): Gmail
 * and Outlook mutate many nodes per user action, so each feature observing on its own would
 * multiply that work. Bursts are coalesced into one pass per animation frame.
 */

/** Our shadow hosts carry this attribute; our own rendering must not trigger another pass. */
export const OWN_UI_ATTRIBUTE = 'data-inbox-desk';

interface PageWatch {
  observer: MutationObserver;
  callbacks: Set<() => void>;
  cancelFrame: (() => void) | null;
}

/**
 * Per page, keyed by the watched attribute names. A page has one adapter, so one list and one
 * observer; the key only keeps a second list (another adapter, a test) from being silently ignored.
 */
const watches = new WeakMap<Document, Map<string, PageWatch>>();

/**
 * Calls back at most once per animation frame after the page changed, until the signal aborts. The
 * observer disconnects when the last subscriber of the page aborts.
 *
 * Child-list changes always count; attribute changes only for the names in `attributes`, which the
 * provider's adapter supplies (what its selectors read: selection, ids appearing). Webmail rewrites
 * style, tabindex and aria-* for focus constantly; those must not wake us.
 */
export function onPageChange(doc: Document, attributes: readonly string[], callback: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const key = [...attributes].sort().join(' ');
  const pageWatches = watches.get(doc) ?? new Map<string, PageWatch>();
  watches.set(doc, pageWatches);
  const watch = pageWatches.get(key) ?? startWatch(doc, attributes);
  pageWatches.set(key, watch);
  watch.callbacks.add(callback);
  signal.addEventListener('abort', () => unsubscribe(pageWatches, key, watch, callback), { once: true });
}

function startWatch(doc: Document, attributes: readonly string[]): PageWatch {
  const watch: PageWatch = { observer: new MutationObserver(onMutations), callbacks: new Set(), cancelFrame: null };
  function onMutations(records: MutationRecord[]): void {
    if (watch.cancelFrame === null && records.some(isPageMutation)) {
      watch.cancelFrame = scheduleFrame(() => runFrame(watch));
    }
  }
  watch.observer.observe(doc.body ?? doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: attributes.length > 0,
    ...(attributes.length > 0 ? { attributeFilter: [...attributes] } : {}),
  });
  return watch;
}

function unsubscribe(pageWatches: Map<string, PageWatch>, key: string, watch: PageWatch, callback: () => void): void {
  watch.callbacks.delete(callback);
  if (watch.callbacks.size > 0) return;
  watch.observer.disconnect();
  watch.cancelFrame?.();
  pageWatches.delete(key);
}

function runFrame(watch: PageWatch): void {
  watch.cancelFrame = null;
  for (const callback of [...watch.callbacks]) {
    try {
      callback();
    } catch (error) {
      // One broken feature must not starve the others; rethrown apart so it is still reported.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/**
 * requestAnimationFrame also pauses in background tabs, where nothing we draw is visible anyway.
 * Returns a cancel function.
 */
function scheduleFrame(run: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(run);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(run, 16);
  return () => clearTimeout(id);
}

function isPageMutation(record: MutationRecord): boolean {
  if (isOwnNode(record.target)) return false;
  if (record.type !== 'childList') return true;
  // Mounting or removing one of our hosts is a childList change of the page's element.
  return [...record.addedNodes, ...record.removedNodes].some((node) => !isOwnNode(node));
}

function isOwnNode(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(`[${OWN_UI_ATTRIBUTE}]`) != null;
}
