import type { OpenConversation } from '../../stores/page';
import type { OpenThread } from '../../webmail/adapter';
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

/** Whether the UI would see another conversation; a new object for the same one would only re-render it. */
function sameConversation(a: OpenConversation | null, b: OpenConversation | null): boolean {
  return a?.threadId === b?.threadId && a?.firstMessage?.messageId === b?.firstMessage?.messageId;
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
