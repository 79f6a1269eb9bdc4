import type { OpenThread, Person, ThreadMessage, ThreadRow } from '../adapter';
import { queryAll, queryFirst, textOf } from '../dom-query';
import { nobody, outlookPerson } from './person';
import { MESSAGE_BODY, MESSAGE_CC, MESSAGE_DATE, MESSAGE_FROM, MESSAGE_TO, PANE_CONVERSATION, PERSONA, READING_PANE, THREAD_HEADING } from './selectors';

/**
 * The conversation in the reading pane, or null when none is open or it cannot be told which one it
 * is. Only expanded messages are listed: a collapsed one has no body or recipients on the page.
 */
export function outlookOpenThread(doc: Document, rows: readonly ThreadRow[]): OpenThread | null {
  const pane = queryFirst(doc, READING_PANE);
  const heading = pane && queryFirst(pane, THREAD_HEADING);
  if (!pane || !heading) return null;
  const subject = heading.getAttribute('title')?.trim() || textOf(heading);
  const threadId = openConversationId(pane, rows, subject);
  if (!threadId) return null;
  return { threadId, subject, messages: queryAll(pane, MESSAGE_BODY).map((body) => parseMessage(body, pane)), element: pane };
}

/**
 * The reading pane does not name its conversation: the selected row does. With several rows checked,
 * the one whose subject is the pane's; a guess could attach a ticket to the wrong conversation, so an
 * ambiguous pick falls through to an id inside the pane, or to none.
 */
function openConversationId(pane: HTMLElement, rows: readonly ThreadRow[], subject: string): string | null {
  const selected = rows.filter((row) => row.selected);
  const open = selected.length === 1 ? selected : selected.filter((row) => row.subject === subject);
  if (open.length === 1 && open[0]) return open[0].threadId;
  return queryFirst(pane, PANE_CONVERSATION)?.getAttribute('data-convid')?.trim() || null;
}

/**
 * Outlook puts neither the RFC Message-ID nor an item id in the page, so messageId is always null
 * here, not only while a message is new.
 */
function parseMessage(body: HTMLElement, pane: HTMLElement): ThreadMessage {
  const card = messageCard(body, pane);
  const date = queryFirst(card, MESSAGE_DATE);
  return {
    messageId: null,
    from: people(queryFirst(card, MESSAGE_FROM))[0] ?? nobody(),
    to: people(queryFirst(card, MESSAGE_TO)),
    cc: people(queryFirst(card, MESSAGE_CC)),
    date: dateOf(date),
    element: card,
    markSlot: date?.parentElement ?? card,
  };
}

/** A message's card: the closest ancestor of its body that also holds a sender line, and no other body. */
function messageCard(body: HTMLElement, pane: HTMLElement): HTMLElement {
  for (let node = body.parentElement; node && node !== pane; node = node.parentElement) {
    if (queryAll(node, MESSAGE_BODY).length > 1) break;
    if (queryFirst(node, MESSAGE_FROM)) return node;
  }
  return body;
}

function people(line: HTMLElement | null): Person[] {
  return line ? queryAll(line, PERSONA).map(outlookPerson) : [];
}

function dateOf(element: HTMLElement | null): string | null {
  return element?.getAttribute('title')?.trim() || textOf(element) || null;
}
