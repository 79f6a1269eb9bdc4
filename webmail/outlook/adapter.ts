import type { WebmailAdapter } from '../adapter';
import { queryFirst } from '../dom-query';
import { onPageChange } from '../frame-batcher';
import { outlookFolder } from './folder';
import { outlookMailbox, type RememberedAddress } from './mailbox';
import { outlookOpenThread } from './open-thread';
import { outlookRows } from './rows';
import { outlookSelectionBeyondView } from './selection-count';
import { LIST_SECTION, MESSAGE_LIST, READING_PANE, THREAD_HEADING, WATCHED_ATTRIBUTES } from './selectors';

export interface OutlookAdapterOptions {
  /** The address the agent set for an account whose page does not show it (see mailbox.ts). */
  remembered?: RememberedAddress;
}

/** Outlook on the web behind the WebmailAdapter interface; reads the page on every call, caches nothing. */
export function createOutlookAdapter(doc: Document = document, options: OutlookAdapterOptions = {}): WebmailAdapter {
  const remembered = options.remembered ?? (() => null);
  const rows = () => outlookRows(doc);
  const openThread = () => outlookOpenThread(doc, rows());
  return {
    provider: 'outlook',
    mailbox: () => outlookMailbox(doc, remembered),
    folder: () => outlookFolder(doc.location?.pathname ?? ''),
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
    selectionBeyondView: () => outlookSelectionBeyondView(doc, rows()),
  };
}

function toolbarMount(doc: Document): HTMLElement | null {
  return queryFirst(doc, LIST_SECTION) ?? queryFirst(doc, MESSAGE_LIST)?.parentElement ?? null;
}

/** The subject bar of the open conversation; none when nothing is open. */
function threadPanelMount(doc: Document): HTMLElement | null {
  const pane = queryFirst(doc, READING_PANE);
  return (pane && queryFirst(pane, THREAD_HEADING)?.parentElement) ?? null;
}
