import type { OpenThread, ThreadMessage, ThreadRow } from '../adapter';
import { queryAll, queryFirst, textOf } from '../dom-query';
import { conversationIdInUrl } from './conversation-url';
import { oldestFirst } from './message-order';
import { nobody, outlookPerson, personInLine } from './person';
import { isMarked } from './rows';
import { MESSAGE_BODY, MESSAGE_CC, MESSAGE_DATE, MESSAGE_FROM, MESSAGE_ITEM, MESSAGE_TO, PANE_CONVERSATION, PERSONA, READING_PANE, THREAD_HEADING } from './selectors';

/**
 * The conversation in the reading pane (or the popped-out reading window), or null when none is
 * open or it cannot be told which one it is. Its messages are oldest first whatever the agent's
 * "newest on top" setting, and collapsed ones are listed with their recipients unknown.
 */
export function outlookOpenThread(doc: Document, rows: readonly ThreadRow[]): OpenThread | null {
  const pane = queryFirst(doc, READING_PANE);
  const heading = pane && queryFirst(pane, THREAD_HEADING);
  if (!pane || !heading) return null;
  const subject = heading.getAttribute('title')?.trim() || textOf(heading);
  const threadId = openConversationId(doc, pane, rows, subject);
  if (!threadId) return null;
  return { threadId, subject, messages: oldestFirst(messageCards(pane).map(parseMessage)), element: pane };
}

/**
 * The reading pane does not name its conversation: the open row does (aria-selected marks it, and
 * any selected ones). Among several, the one whose subject is the pane's; a guess could attach a
 * ticket to the wrong conversation, so an ambiguous pick falls through to an id inside the pane,
 * then to the address of a deep link or popped-out window (which have no list at all), or to none.
 */
function openConversationId(doc: Document, pane: HTMLElement, rows: readonly ThreadRow[], subject: string): string | null {
  const marked = rows.filter((row) => isMarked(row.element));
  const open = marked.length === 1 ? marked : marked.filter((row) => row.subject === subject);
  if (open.length === 1 && open[0]) return open[0].threadId;
  return queryFirst(pane, PANE_CONVERSATION)?.getAttribute('data-convid')?.trim() || (rows.length === 0 ? conversationIdInUrl(doc.location?.pathname ?? '') : null);
}

/**
 * Each message's card. The items of the pane's message list when it has them (collapsed messages
 * included); else, for older layouts, the closest ancestor of each body that holds a sender line.
 */
function messageCards(pane: HTMLElement): HTMLElement[] {
  const items = queryAll(pane, MESSAGE_ITEM).filter((item) => queryFirst(item, MESSAGE_FROM) || queryFirst(item, MESSAGE_BODY) || queryFirst(item, PERSONA));
  return items.length > 0 ? items : queryAll(pane, MESSAGE_BODY).map((body) => cardOfBody(body, pane));
}

function cardOfBody(body: HTMLElement, pane: HTMLElement): HTMLElement {
  for (let node = body.parentElement; node && node !== pane; node = node.parentElement) {
    if (queryAll(node, MESSAGE_BODY).length > 1) break;
    if (queryFirst(node, MESSAGE_FROM)) return node;
  }
  return body;
}

/**
 * Outlook puts neither the RFC Message-ID nor an item id in the page, so messageId is always null.
 * A collapsed message (no body on the page) shows no recipients: they are unknown (null), not none.
 */
function parseMessage(card: HTMLElement): ThreadMessage {
  const date = queryFirst(card, MESSAGE_DATE);
  const expanded = queryFirst(card, MESSAGE_BODY) !== null;
  const fromLine = queryFirst(card, MESSAGE_FROM);
  return {
    messageId: null,
    from: fromLine ? (personInLine(fromLine) ?? nobody()) : (people(card)[0] ?? nobody()),
    to: expanded ? people(queryFirst(card, MESSAGE_TO)) : null,
    cc: expanded ? people(queryFirst(card, MESSAGE_CC)) : null,
    date: dateOf(date),
    element: card,
    markSlot: date?.parentElement ?? card,
  };
}

function people(line: HTMLElement | null): ThreadMessage['from'][] {
  return line ? queryAll(line, PERSONA).map(outlookPerson) : [];
}

function dateOf(element: HTMLElement | null): string | null {
  return element?.getAttribute('title')?.trim() || textOf(element) || null;
}
