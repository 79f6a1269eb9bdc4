import type { ThreadRow } from '../adapter';
import { matchesAny, queryAll, queryFirst, textOf } from '../dom-query';
import { gmailPerson } from './person';
import { ROW, ROW_DATE, ROW_SENDER, ROW_SUBJECT, ROW_THREAD_ID, SELECTED_CHECKBOX, SELECTED_ROW, SPLIT_ROW_FIRST, SPLIT_ROW_SNIPPET } from './selectors';
import { gmailThreadId } from './thread-id';

/**
 * The conversation rows of every message list under root (Priority Inbox and Multiple inboxes show
 * several); a row without a thread id yet is skipped.
 */
export function gmailRows(root: ParentNode): ThreadRow[] {
  const rows: ThreadRow[] = [];
  let continuation: HTMLElement[] = [];
  for (const element of queryAll(root, ROW)) {
    // The <tr>s after a split row's first one are part of it, not rows of their own.
    if (continuation.includes(element)) continue;
    const parts = rowParts(element);
    continuation = parts.slice(1);
    const row = parseRow(parts);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * The <tr>s of one conversation: itself, or with the reading pane on the right the first <tr> and
 * the one or two after it (ids and subject, then the snippet).
 */
function rowParts(first: HTMLElement): HTMLElement[] {
  if (!matchesAny(first, SPLIT_ROW_FIRST)) return [first];
  const second = first.nextElementSibling;
  if (!(second instanceof HTMLElement)) return [first];
  const third = second.nextElementSibling;
  return third instanceof HTMLElement && matchesAny(third, SPLIT_ROW_SNIPPET) ? [first, second, third] : [first, second];
}

/** The first part holding a match, best selector first: checkbox, sender and date live in the first <tr>, ids in the second. */
function queryParts(parts: HTMLElement[], selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    for (const part of parts) {
      const found = queryFirst(part, [selector]);
      if (found) return found;
    }
  }
  return null;
}

function parseRow(parts: HTMLElement[]): ThreadRow | null {
  const element = parts[0]!;
  const idElement = queryParts(parts, ROW_THREAD_ID);
  const threadId = idElement && gmailThreadId(idElement, 'data-legacy-thread-id', 'data-thread-id');
  if (!threadId) return null;
  const subject = queryParts(parts, ROW_SUBJECT);
  return {
    threadId,
    subject: textOf(subject),
    sender: gmailPerson(queryParts(parts, ROW_SENDER)),
    date: queryParts(parts, ROW_DATE)?.getAttribute('title') ?? null,
    selected: isSelected(element),
    element,
    // Our badge goes first in the subject's container, so it reads before the subject.
    badgeSlot: subject?.parentElement ?? element,
  };
}

/** Gmail marks a checked row twice (class x7, checked checkbox, both on the first <tr>); either one is enough. */
function isSelected(row: HTMLElement): boolean {
  return matchesAny(row, SELECTED_ROW) || queryFirst(row, SELECTED_CHECKBOX) !== null;
}
