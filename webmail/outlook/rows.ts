import type { ThreadRow } from '../adapter';
import { isAddress, normaliseSpace, queryAll, textOf } from '../dom-query';
import { nobody, outlookPerson } from './person';
import { ROW, ROW_TITLED } from './selectors';

/** The conversation rows of the message list; a row without a conversation id is skipped. */
export function outlookRows(doc: Document): ThreadRow[] {
  return queryAll(doc, ROW).flatMap((element) => {
    const row = parseRow(element);
    return row ? [row] : [];
  });
}

function parseRow(element: HTMLElement): ThreadRow | null {
  const threadId = element.getAttribute('data-convid')?.trim();
  if (!threadId) return null;
  const parts = titledParts(element);
  const sender = parts.sender ? outlookPerson(parts.sender) : nobody();
  return {
    threadId,
    subject: textOf(parts.subject) || subjectFromLabel(element.getAttribute('aria-label') ?? '', sender.name),
    sender,
    date: parts.date?.getAttribute('title') ?? null,
    selected: element.getAttribute('aria-selected') === 'true',
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
