import type { MailFolder } from '../core/rules/folder-view';
import type { WebmailProvider } from '../core/schemas/ticket';

/** A person as the webmail shows them; the address is missing when the page gives only a name. */
export interface Person {
  name: string;
  email: string | null;
}

/** One conversation row in the message list. */
export interface ThreadRow {
  /** Stable id of the conversation (Gmail: legacy thread id without '#'; Outlook: conversation id). */
  threadId: string;
  subject: string;
  sender: Person;
  /** As the page shows it (a title attribute or datetime when present), or null. */
  date: string | null;
  selected: boolean;
  element: HTMLElement;
  /** Where a ticket badge goes in this row (before the subject). */
  badgeSlot: HTMLElement;
}

export interface ThreadMessage {
  /**
   * null while Gmail has not given a just-sent message its id yet (not an error), and always on
   * Outlook, whose page carries no RFC Message-ID: never wait for it there.
   */
  messageId: string | null;
  from: Person;
  /** Null when the page does not show them (a collapsed or hidden message): unknown, never "none". */
  to: Person[] | null;
  cc: Person[] | null;
  date: string | null;
  element: HTMLElement;
  /** Where a read-receipt mark goes in this message's header (beside its date). */
  markSlot: HTMLElement;
}

/** The conversation open in the reading pane or thread view. */
export interface OpenThread {
  threadId: string;
  subject: string;
  messages: ThreadMessage[];
  element: HTMLElement;
}

export interface MountPoints {
  /** Where the selection toolbar goes (above the message list). */
  toolbar: HTMLElement | null;
  /** Where the ticket panel goes (beside or above the open conversation). */
  threadPanel: HTMLElement | null;
}

/**
 * Everything the extension knows about a webmail page, behind one interface: feature code never
 * touches a selector (DESIGN.md "Webmail adapters").
 */
export interface WebmailAdapter {
  readonly provider: WebmailProvider;
  /** The signed-in mailbox address, part of a ticket's webmail thread key. */
  mailbox(): string | null;
  /** The folder the list shows, so a selection acts from the matching view (R-BULK-4/5/7). */
  folder(): MailFolder;
  /** False when the page no longer looks like what the selectors expect: show "limited mode", touch nothing. */
  recognised(): boolean;
  rows(): ThreadRow[];
  selectedThreadIds(): string[];
  openThread(): OpenThread | null;
  mountPoints(): MountPoints;
  /** Calls back at most once per animation frame after the page changed, until the signal aborts. */
  onChange(callback: () => void, signal: AbortSignal): void;
  /**
   * When the webmail says more conversations are selected than its (virtualised) list has drawn,
   * as after Outlook's "select all": its count and how many of them the page holds, which are all
   * the extension can act on. Null otherwise; absent where the webmail never does this.
   */
  selectionBeyondView?(): { reported: number; visible: number } | null;
}
