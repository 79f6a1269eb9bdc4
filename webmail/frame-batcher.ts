/**
 * One MutationObserver per page, shared by every feature (DESIGN.md "One observer per page"): Gmail
 * and Outlook mutate many nodes per user action, so each feature observing on its own would
 * multiply that work. Bursts are coalesced into one pass per animation frame.
 */

/**
 * Only attribute changes that alter what an adapter reads: selection, ids appearing. Gmail rewrites
 * style, tabindex and aria-* for focus constantly; those must not wake us.
 */
export const WATCHED_ATTRIBUTES = [
  'class',
  'aria-checked',
  'aria-selected',
  'data-legacy-thread-id',
  'data-convid',
  'data-message-id',
] as const;

/** Our shadow hosts carry this attribute; our own rendering must not trigger another pass. */
export const OWN_UI_ATTRIBUTE = 'data-inbox-desk';

interface PageWatch {
  observer: MutationObserver;
  callbacks: Set<() => void>;
  cancelFrame: (() => void) | null;
}

const watches = new WeakMap<Document, PageWatch>();

/**
 * Calls back at most once per animation frame after the page changed, until the signal aborts. The
 * observer disconnects when the last subscriber of the page aborts.
 */
export function onPageChange(doc: Document, callback: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const watch = watches.get(doc) ?? startWatch(doc);
  watch.callbacks.add(callback);
  signal.addEventListener('abort', () => unsubscribe(doc, watch, callback), { once: true });
}

function startWatch(doc: Document): PageWatch {
  const watch: PageWatch = { observer: new MutationObserver(onMutations), callbacks: new Set(), cancelFrame: null };
  function onMutations(records: MutationRecord[]): void {
    if (watch.cancelFrame === null && records.some(isPageMutation)) {
      watch.cancelFrame = scheduleFrame(() => runFrame(watch));
    }
  }
  watch.observer.observe(doc.body ?? doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: [...WATCHED_ATTRIBUTES],
  });
  watches.set(doc, watch);
  return watch;
}

function unsubscribe(doc: Document, watch: PageWatch, callback: () => void): void {
  watch.callbacks.delete(callback);
  if (watch.callbacks.size > 0) return;
  watch.observer.disconnect();
  watch.cancelFrame?.();
  watches.delete(doc);
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
