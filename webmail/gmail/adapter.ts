import { addressKey } from '../../core/rules/address';
import type { WebmailAdapter } from '../adapter';
import { addressIn, queryFirst } from '../dom-query';
import { onPageChange } from '../frame-batcher';
import { gmailOpenThread } from './open-thread';
import { gmailRows } from './rows';
import { ACCOUNT_BUTTON, LIST_TOOLBAR, THREAD_HEADING, TITLE_MAILBOX, WATCHED_ATTRIBUTES } from './selectors';

/** Gmail behind the WebmailAdapter interface; reads the page on every call, caches nothing. */
export function createGmailAdapter(doc: Document = document): WebmailAdapter {
  const rows = () => gmailRows(doc);
  const openThread = () => gmailOpenThread(doc);
  return {
    provider: 'gmail',
    mailbox: () => gmailMailbox(doc),
    // An empty list looks the same as a list our selectors no longer match; with nothing to act on,
    // limited mode costs the user nothing.
    recognised: () => rows().length > 0 || (openThread()?.messages.length ?? 0) > 0,
    rows,
    selectedThreadIds: () =>
      rows()
        .filter((row) => row.selected)
        .map((row) => row.threadId),
    openThread,
    mountPoints: () => ({
      toolbar: queryFirst(doc, LIST_TOOLBAR),
      threadPanel: queryFirst(doc, THREAD_HEADING)?.parentElement ?? null,
    }),
    onChange: (callback, signal) => onPageChange(doc, WATCHED_ATTRIBUTES, callback, signal),
  };
}

/** Lower-cased: the mailbox is part of a ticket's thread key, which must not split on letter case. */
function gmailMailbox(doc: Document): string | null {
  const address = doc.title.match(TITLE_MAILBOX)?.[1] ?? addressIn(queryFirst(doc, ACCOUNT_BUTTON)?.getAttribute('aria-label'));
  return address ? addressKey(address) : null;
}
