import { addressKey } from '../../core/rules/address';
import type { WebmailAdapter } from '../adapter';
import { addressIn, queryFirst } from '../dom-query';
import { onPageChange } from '../frame-batcher';
import { outlookOpenThread } from './open-thread';
import { outlookRows } from './rows';
import { ACCOUNT_BUTTON, LIST_SECTION, MESSAGE_LIST, READING_PANE, THREAD_HEADING, WATCHED_ATTRIBUTES } from './selectors';

/** Outlook on the web behind the WebmailAdapter interface; reads the page on every call, caches nothing. */
export function createOutlookAdapter(doc: Document = document): WebmailAdapter {
  const rows = () => outlookRows(doc);
  const openThread = () => outlookOpenThread(doc, rows());
  return {
    provider: 'outlook',
    mailbox: () => outlookMailbox(doc),
    // An empty list looks the same as a list our selectors no longer match; with nothing to act on,
    // limited mode costs the user nothing.
    recognised: () => rows().length > 0 || (openThread()?.messages.length ?? 0) > 0,
    rows,
    selectedThreadIds: () =>
      rows()
        .filter((row) => row.selected)
        .map((row) => row.threadId),
    openThread,
    mountPoints: () => ({ toolbar: toolbarMount(doc), threadPanel: threadPanelMount(doc) }),
    onChange: (callback, signal) => onPageChange(doc, WATCHED_ATTRIBUTES, callback, signal),
  };
}

/** Lower-cased: the mailbox is part of a ticket's thread key, which must not split on letter case. */
function outlookMailbox(doc: Document): string | null {
  const address = addressIn(queryFirst(doc, ACCOUNT_BUTTON)?.getAttribute('aria-label')) ?? addressIn(doc.title);
  return address ? addressKey(address) : null;
}

function toolbarMount(doc: Document): HTMLElement | null {
  return queryFirst(doc, LIST_SECTION) ?? queryFirst(doc, MESSAGE_LIST)?.parentElement ?? null;
}

/** The subject bar of the open conversation; none when nothing is open. */
function threadPanelMount(doc: Document): HTMLElement | null {
  const pane = queryFirst(doc, READING_PANE);
  return (pane && queryFirst(pane, THREAD_HEADING)?.parentElement) ?? null;
}
