import { addressKey } from '../../core/rules/address';
import type { WebmailAdapter } from '../adapter';
import { addressIn, queryFirst } from '../dom-query';
import { onPageChange } from '../frame-batcher';
import { gmailFolder } from './folder';
import { gmailOpenThread } from './open-thread';
import { gmailRows } from './rows';
import { ACCOUNT_BUTTON, LIST_TOOLBAR, THREAD_HEADING, TITLE_MAILBOX, WATCHED_ATTRIBUTES } from './selectors';
import { gmailVisibleView, watchViewSwitches } from './view';

/**
 * Gmail behind the WebmailAdapter interface; reads the page on every call, caches nothing. Every
 * query but the mailbox is scoped to the view Gmail shows now (see gmailVisibleView).
 */
export function createGmailAdapter(doc: Document = document): WebmailAdapter {
  const inView = <T>(read: (view: ParentNode) => T, none: T) => {
    const view = gmailVisibleView(doc);
    return view ? read(view) : none;
  };
  const rows = () => inView(gmailRows, []);
  const openThread = () => inView(gmailOpenThread, null);
  return {
    provider: 'gmail',
    mailbox: () => gmailMailbox(doc),
    folder: () => gmailFolder(doc.location?.hash ?? ''),
    // An empty list looks the same as a list our selectors no longer match; with nothing to act on,
    // limited mode costs the user nothing.
    recognised: () => rows().length > 0 || (openThread()?.messages.length ?? 0) > 0,
    rows,
    // A conversation listed twice (conversation view off lists each message) is selected once.
    selectedThreadIds: () => [...new Set(rows().flatMap((row) => (row.selected ? [row.threadId] : [])))],
    openThread,
    mountPoints: () =>
      inView((view) => ({ toolbar: queryFirst(view, LIST_TOOLBAR), threadPanel: queryFirst(view, THREAD_HEADING)?.parentElement ?? null }), {
        toolbar: null,
        threadPanel: null,
      }),
    onChange(callback, signal) {
      const views = watchViewSwitches(doc, callback, signal);
      onPageChange(
        doc,
        WATCHED_ATTRIBUTES,
        () => {
          views.rewatch();
          callback();
        },
        signal,
      );
    },
  };
}

/** Lower-cased: the mailbox is part of a ticket's thread key, which must not split on letter case. */
function gmailMailbox(doc: Document): string | null {
  const address = doc.title.match(TITLE_MAILBOX)?.[1] ?? addressIn(queryFirst(doc, ACCOUNT_BUTTON)?.getAttribute('aria-label'));
  return address ? addressKey(address) : null;
}
