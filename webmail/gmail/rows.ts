import type { ThreadRow } from '../adapter';
import { matchesAny, queryAll, queryFirst, textOf } from '../dom-query';
import { gmailPerson } from './person';
import { ROW, ROW_DATE, ROW_SENDER, ROW_SUBJECT, ROW_THREAD_ID, SELECTED_CHECKBOX, SELECTED_ROW } from './selectors';
import { gmailThreadId } from './thread-id';

/** The conversation rows of the message list; a row without a thread id yet is skipped. */
export function gmailRows(doc: Document): ThreadRow[] {
  return queryAll(doc, ROW).flatMap((element) => {
    const row = parseRow(element);
    return row ? [row] : [];
  });
}

function parseRow(element: HTMLElement): ThreadRow | null {
  const idElement = queryFirst(element, ROW_THREAD_ID);
  const threadId = idElement && gmailThreadId(idElement, 'data-legacy-thread-id', 'data-thread-id');
  if (!threadId) return null;
  const subject = queryFirst(element, ROW_SUBJECT);
  return {
    threadId,
    subject: textOf(subject),
    sender: gmailPerson(queryFirst(element, ROW_SENDER)),
    date: queryFirst(element, ROW_DATE)?.getAttribute('title') ?? null,
    selected: isSelected(element),
    element,
    // Our badge goes first in the subject's container, so it reads before the subject.
    badgeSlot: subject?.parentElement ?? element,
  };
}

/** Gmail marks a checked row twice (class x7, checked checkbox); either one is enough. */
function isSelected(row: HTMLElement): boolean {
  return matchesAny(row, SELECTED_ROW) || queryFirst(row, SELECTED_CHECKBOX) !== null;
}
