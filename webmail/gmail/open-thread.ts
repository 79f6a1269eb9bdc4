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
 * Only the details table labels recipients as to or cc; without it (details never opened, or a label
 * in a language we do not know) every recipient of the header summary counts as "to". A collapsed or
 * hidden message shows none of them: unknown (null), never "no recipients".
 */
function recipients(message: HTMLElement): { to: Person[] | null; cc: Person[] | null } {
  if (message.closest(FOLDED_MESSAGE.join(', '))) return { to: null, cc: null };
  const to: Person[] = [];
  const cc: Person[] = [];
  for (const row of queryAll(message, MESSAGE_DETAILS_ROW)) {
    const label = textOf(row.firstElementChild);
    const list = TO_LABEL.test(label) ? to : CC_LABEL.test(label) ? cc : null;
    list?.push(...queryAll(row, PERSON).map(gmailPerson));
  }
  if (to.length + cc.length > 0) return { to, cc };
  return { to: queryAll(message, MESSAGE_RECIPIENTS).map(gmailPerson), cc: [] };
}
