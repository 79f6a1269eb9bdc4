import type { ThreadRow } from '../adapter';
import { isAddress, normaliseSpace, queryAll, queryFirst, textOf } from '../dom-query';
import { nobody, outlookPerson } from './person';
import { ROW, ROW_CHECKBOX, ROW_TITLED } from './selectors';

/** The conversation rows of the message list; a row without a conversation id is skipped. */
export function outlookRows(doc: Document): ThreadRow[] {
  const elements = queryAll(doc, ROW);
  // Without checkboxes, one aria-selected row is only the open one; several are what the agent picked.
  const marked = elements.filter(isMarked).length;
  return elements.flatMap((element) => {
    const row = parseRow(element, marked > 1);
    return row ? [row] : [];
  });
}

/** aria-selected: the open conversation, and the selected ones too. */
export function isMarked(row: Element): boolean {
  return row.getAttribute('aria-selected') === 'true';
}

/**
 * Selected by the agent (issue 19, item 11): the row's checkbox is checked. A row drawn without a
 * checkbox counts as selected only among several marked rows, never as the one merely open.
 */
function isChosen(row: HTMLElement, severalMarked: boolean): boolean {
  const checkbox = queryFirst(row, ROW_CHECKBOX);
  if (checkbox) return checkbox.getAttribute('aria-checked') === 'true' || (checkbox as HTMLInputElement).checked === true;
  return severalMarked && isMarked(row);
}

function parseRow(element: HTMLElement, severalMarked: boolean): ThreadRow | null {
  const threadId = element.getAttribute('data-convid')?.trim();
  if (!threadId) return null;
  const parts = titledParts(element);
  const sender = parts.sender ? outlookPerson(parts.sender) : nobody();
  return {
    threadId,
    subject: textOf(parts.subject) || subjectFromLabel(element.getAttribute('aria-label') ?? '', sender.name),
    sender,
    date: parts.date?.getAttribute('title') ?? null,
    selected: isChosen(element, severalMarked),
    element,
    // Our badge goes first in the subject's container, so it reads before the subject.
    badgeSlot: parts.subject?.parentElement ?? element,
  };
}

/**
 * Without class names the row's parts are told apart by their titles: the sender's is an address,
 * the date's is the full date while its text is the short one, the subject's repeats its text.
 */
function titledParts(row: HTMLElement): { sender?: HTMLElement; subject?: HTMLElement; date?: HTMLElement } {
  const titled = queryAll(row, ROW_TITLED);
  const sender = titled.find((span) => isAddress(span.getAttribute('title')));
  const others = titled.filter((span) => span !== sender && textOf(span) !== '');
  const date = others.find((span) => normaliseSpace(span.getAttribute('title') ?? '') !== textOf(span));
  const subject = others.find((span) => span !== date);
  return { sender, subject, date };
}

/** The row's aria-label reads "Unread, Alice Customer, Order missing, 10:42 AM, …": the field after the sender. */
function subjectFromLabel(label: string, senderName: string): string {
  const marker = `${senderName}, `;
  const at = senderName === '' ? -1 : label.indexOf(marker);
  return at < 0 ? '' : (label.slice(at + marker.length).split(', ')[0] ?? '').trim();
}
