import type { OpenConversation } from '../../stores/page';
import type { OpenThread, Person } from '../../webmail/adapter';
import type { Feature } from '../feature-manager';

/** The open conversation as the in-page UI reads it: plain data, no DOM elements. */
export function conversationOf(thread: OpenThread | null): OpenConversation | null {
  if (!thread) return null;
  const first = thread.messages[0];
  return {
    threadId: thread.threadId,
    subject: thread.subject,
    firstMessage: first ? { from: first.from, to: first.to, cc: first.cc, messageId: first.messageId, date: first.date } : null,
  };
}

/**
 * Whether the UI would see the same conversation; a new object for it would only re-render it. Its
 * first message's recipients count: they become known when the agent expands a collapsed message.
 */
export function sameConversation(a: OpenConversation | null, b: OpenConversation | null): boolean {
  return (
    a?.threadId === b?.threadId &&
    a?.firstMessage?.messageId === b?.firstMessage?.messageId &&
    samePeople(a?.firstMessage?.to, b?.firstMessage?.to) &&
    samePeople(a?.firstMessage?.cc, b?.firstMessage?.cc)
  );
}

/** Null (unknown) differs from an empty list (none); the same people in the same order are the same. */
function samePeople(a: Person[] | null | undefined, b: Person[] | null | undefined): boolean {
  if (a == null || b == null) return a === b;
  return a.length === b.length && a.every((p, i) => p.email === b[i]!.email && p.name === b[i]!.name);
}

/**
 * Copies what the page shows (the signed-in mailbox, the open conversation) into the page store
 * that the panel and the bar read; it runs first in every pass, so the features after it see this pass's page.
 */
export const pageState: Feature = {
  name: 'page-state',
  init: ({ adapter, page }) => ({
    update() {
      page.mailbox = adapter.mailbox();
      const conversation = conversationOf(adapter.openThread());
      if (!sameConversation(page.conversation, conversation)) page.conversation = conversation;
    },
  }),
};
