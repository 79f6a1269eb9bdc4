import type { OpenThread, Person, ThreadMessage } from '../adapter';
import { queryAll, queryFirst, textOf } from '../dom-query';
import { gmailPerson } from './person';
import { CC_LABEL, FOLDED_MESSAGE, MESSAGE, MESSAGE_DATE, MESSAGE_DETAILS_ROW, MESSAGE_FROM, MESSAGE_RECIPIENTS, PERSON, THREAD_HEADING, TO_LABEL } from './selectors';
import { gmailThreadId, stripHash } from './thread-id';

/** The conversation open in the thread view or reading pane under root, or null when none is (or it has no id). */
export function gmailOpenThread(root: ParentNode): OpenThread | null {
  const heading = queryFirst(root, THREAD_HEADING);
  const threadId = heading && gmailThreadId(heading, 'data-legacy-thread-id', 'data-thread-perm-id');
  if (!heading || !threadId) return null;
  const element = threadContainer(heading);
  return {
    threadId,
    subject: textOf(heading),
    messages: queryAll(element, MESSAGE).map(parseMessage),
    element,
  };
}

/** The closest ancestor of the heading that also holds the messages: the thread view, not the whole page. */
function threadContainer(heading: HTMLElement): HTMLElement {
  for (let node = heading.parentElement; node; node = node.parentElement) {
    if (queryFirst(node, MESSAGE)) return node;
  }
  return heading.parentElement ?? heading;
}

function parseMessage(element: HTMLElement): ThreadMessage {
  const date = queryFirst(element, MESSAGE_DATE);
  return {
    messageId: messageId(element),
    from: gmailPerson(queryFirst(element, MESSAGE_FROM)),
    ...recipients(element),
    date: date?.getAttribute('title') ?? null,
    element,
    markSlot: date?.parentElement ?? element,
  };
}

/** A just-sent message shows before Gmail has given it ids: "not ready yet", so null rather than a guess. */
function messageId(element: HTMLElement): string | null {
  if (stripHash(element.getAttribute('data-message-id')) === null) return null;
  return stripHash(element.getAttribute('data-legacy-message-id'));
}

/**
 * To and cc apart: cc is the people of the details table's cc row (its label is "cc" in nearly every
 * language Gmail ships), to the people its to row names in a language we know. Where we do not know
 * the to label, to is the header summary's people who are not cc: what does not depend on the label,
 * so a cc is never folded into to. Without the details table (never opened) every recipient of the
 * summary counts as to. A collapsed or hidden message shows none of them: unknown (null), never none.
 */
function recipients(message: HTMLElement): { to: Person[] | null; cc: Person[] | null } {
  if (message.closest(FOLDED_MESSAGE.join(', '))) return { to: null, cc: null };
  const summary = queryAll(message, MESSAGE_RECIPIENTS).map(gmailPerson);
  const labelled = labelledRecipients(message);
  if (!labelled) return { to: summary, cc: [] };
  const ccAddresses = new Set(labelled.cc.map((p) => p.email));
  const to = labelled.to ?? summary.filter((p) => !ccAddresses.has(p.email));
  return { to, cc: labelled.cc };
}

/** The details table's to and cc rows; to is null when no row carries a to label we know. Null without a details table. */
function labelledRecipients(message: HTMLElement): { to: Person[] | null; cc: Person[] } | null {
  const rows = queryAll(message, MESSAGE_DETAILS_ROW);
  if (rows.length === 0) return null;
  let to: Person[] | null = null;
  const cc: Person[] = [];
  for (const row of rows) {
    const label = textOf(row.firstElementChild);
    const people = queryAll(row, PERSON).map(gmailPerson);
    if (CC_LABEL.test(label)) cc.push(...people);
    else if (TO_LABEL.test(label)) (to ??= []).push(...people);
  }
  return { to, cc };
}
