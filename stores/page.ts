import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { MailFolder } from '../core/rules/folder-view';
import type { TicketSummary } from '../core/schemas/messages';
import type { WebmailProvider } from '../core/schemas/ticket';
import type { Person } from '../webmail/adapter';

/** What the in-page UI needs to know of the open conversation: plain data, no DOM elements. */
export interface OpenConversation {
  threadId: string;
  subject: string;
  firstMessage: { from: Person; to: Person[] | null; cc: Person[] | null; messageId: string | null; date: string | null } | null;
}

export interface SelectedRow {
  threadId: string;
  subject: string;
  sender: Person;
}

/** The webmail page as the content script sees it; the controller writes, components read. */
export const usePageStore = defineStore('page', () => {
  const provider = ref<WebmailProvider>('gmail');
  const mailbox = ref<string | null>(null);
  /** The folder the list shows: a selection made there acts from its view (R-BULK-4/5/7). */
  const folder = ref<MailFolder>('inbox');
  const conversation = shallowRef<OpenConversation | null>(null);
  const selectedThreadIds = shallowRef<string[]>([]);
  const selectedTicketCount = ref(0);
  /** The selected rows that have a ticket, and those that have none yet (with what a new ticket needs). */
  const selectedTickets = shallowRef<TicketSummary[]>([]);
  const selectedWithoutTicket = shallowRef<SelectedRow[]>([]);
  /** Outlook's own count when "select all" selected more than the page has drawn (issue 19, item 12), else null. */
  const selectionBeyondView = shallowRef<{ reported: number; visible: number } | null>(null);
  /** Bumped whenever the background says the ticket index changed. */
  const indexRevision = ref(0);
  return { provider, mailbox, folder, conversation, selectedThreadIds, selectedTicketCount, selectedTickets, selectedWithoutTicket, selectionBeyondView, indexRevision };
});
