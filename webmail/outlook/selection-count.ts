import type { ThreadRow } from '../adapter';
import { queryAll, queryFirst, textOf } from '../dom-query';
import { ROW, SELECT_ALL, SELECTION_COUNT } from './selectors';

/**
 * Outlook's list is virtualised: after "select all" it counts every conversation of the folder
 * while only the drawn rows are in the page (issue 19, item 12). Its count comes from the reading
 * pane's "N items selected", else, with the select-all box checked, from the rows' aria-setsize.
 */
export function outlookSelectionBeyondView(doc: Document, rows: readonly ThreadRow[]): { reported: number; visible: number } | null {
  const visible = rows.filter((row) => row.selected).length;
  const reported = countShown(doc) ?? (queryFirst(doc, SELECT_ALL)?.getAttribute('aria-checked') === 'true' ? setSize(doc) : null);
  return reported !== null && reported > visible ? { reported, visible } : null;
}

function countShown(doc: Document): number | null {
  const digits = /\d[\d,.\s]*/.exec(textOf(queryFirst(doc, SELECTION_COUNT)))?.[0];
  const count = digits ? Number(digits.replace(/\D/g, '')) : NaN;
  return Number.isFinite(count) && count > 0 ? count : null;
}

function setSize(doc: Document): number | null {
  const sizes = queryAll(doc, ROW).map((row) => Number(row.getAttribute('aria-setsize')));
  const largest = Math.max(0, ...sizes.filter(Number.isFinite));
  return largest > 0 ? largest : null;
}
