import type { SelectorList } from '../dom-query';

/*
 * Every selector the Gmail adapter uses, best first. Ids come from data attributes only; class names
 * appear only where Gmail has kept them for years (rows, selection, message header parts), and
 * each has an attribute or ARIA fallback.
 */

/** The signed-in address in the document title: "Inbox (3) - support@acme.test - Gmail". Source: the real page. Last checked against the real page: 2026-11. */
export const TITLE_MAILBOX = / - ([^\s@]+@[^\s@]+\.[^\s@]+) - [^@]*$/;

/**
 * The account button in the top bar; its aria-label ends with "(address)". The second entry survives a
 * translated label ("Google アカウント"). Source: the real page. Last checked against the real page: 2026-11.
 */
export const ACCOUNT_BUTTON: SelectorList = ['a[aria-label*="Google Account"]', 'a[href*="accounts.google.com/SignOutOptions"][aria-label]'];

/**
 * Gmail's main content container: one child div.nH per view it has shown (inbox, a conversation, a
 * search…). Views it has left stay in the DOM with style display:none; the visible one is where every
 * other query is scoped. Source: InboxSDK src/platform-implementation-js/dom-driver/gmail/gmail-element-getter.ts
 * (getMainContentContainer) and gmail-element-getter/get-main-content-element-changed-stream.ts. Checked: 2026-12-04.
 */
export const MAIN_CONTENT_CONTAINER: SelectorList = ['div.aeF > div.nH'];

/** One view inside MAIN_CONTENT_CONTAINER (a direct child). Source: as MAIN_CONTENT_CONTAINER. Checked: 2026-12-04. */
export const VIEW: SelectorList = [':scope > div.nH'];

/**
 * The message list's toolbar (select all, archive…), where our selection toolbar goes; queried in the
 * visible view only. Multiple inboxes add a [gh=mtb] toolbar per section inside it, so [gh=tm] comes
 * first. Source: gmail.js src/gmail.js (dom "toolbar": [gh='tm']); InboxSDK gmail-toolbar-view.ts. Checked: 2026-12-04.
 */
export const LIST_TOOLBAR: SelectorList = ['div[gh="tm"]', 'div[role="main"] > :first-child'];

/**
 * One conversation row. tr.zA has named Gmail's rows for years; the fallback is the ARIA grid, keeping only
 * rows that carry a thread id. Source: gmail.js src/gmail.js (dom.visible_messages: tbody > tr.zA[role=row]). Last checked against the real page: 2026-11.
 */
export const ROW: SelectorList = ['div[role="main"] tr.zA', 'table[role="grid"] tr[role="row"]:has([data-thread-id])'];

/**
 * The element carrying a row's thread ids: data-legacy-thread-id (hex, the id in Gmail URLs) and
 * data-thread-id ("#thread-f:<decimal>"). Source: InboxSDK gmail-thread-row-view.ts (_getThreadID). Last checked against the real page: 2026-11.
 */
export const ROW_THREAD_ID: SelectorList = ['[data-thread-id][data-legacy-thread-id]', '[data-legacy-thread-id]', '[data-thread-id]'];

/**
 * A row's subject (span.bog wraps the thread-id link; in the right-hand reading pane layout it is
 * div.y6 > span[id] of the row's second <tr>). Source: InboxSDK gmail-thread-row-view.ts
 * (_getSubjectSelector). Last checked against the real page: 2026-11.
 */
export const ROW_SUBJECT: SelectorList = ['span.bog', 'div.y6 > span[id]', '[data-thread-id]'];

/** A row's first participant, with attributes email and name. Source: gmail.js dom.visible_messages (*[email][name]); InboxSDK gmail-thread-row-view.ts (getContacts). Last checked against the real page: 2026-11. */
export const ROW_SENDER: SelectorList = ['span[email][name]', '[email]'];

/**
 * A row's date; its title is the full date ("Tue, Nov 3, 2026, 10:42 AM"). td.xW in the list
 * layouts; with the reading pane on the right the date sits in td.yf.apt > div.apm of the row's
 * first <tr>. Source: InboxSDK src/platform-implementation-js/dom-driver/gmail/views/gmail-thread-row-view.ts
 * (getDateString). Checked: 2026-12-04.
 */
export const ROW_DATE: SelectorList = ['td.xW span[title]', 'td.yf.apt > div.apm > span[title]', 'td:last-child span[title]'];

/**
 * Reading pane on the right (Settings → Inbox → Reading pane): one conversation is two or three
 * <tr>s. The first (tr.zA.apv) holds checkbox, sender and date; the next holds ids and subject; an
 * optional tr.apw the snippet. Source: InboxSDK gmail-thread-row-view.ts (constructor, _isVertical).
 * Checked: 2026-12-04.
 */
export const SPLIT_ROW_FIRST: SelectorList = ['tr.apv'];
export const SPLIT_ROW_SNIPPET: SelectorList = ['tr.apw'];

/** Matched on the row itself: Gmail adds class x7 to a checked row. Source: the real page. Last checked against the real page: 2026-11. */
export const SELECTED_ROW: SelectorList = ['.x7'];

/** Matched inside the row: the checked checkbox; either this or SELECTED_ROW counts. Source: InboxSDK gmail-thread-row-view.ts (isSelected); gmail.js ([gh='tl'] div[role='checkbox'][aria-checked='true']). Last checked against the real page: 2026-11. */
export const SELECTED_CHECKBOX: SelectorList = ['div[role="checkbox"][aria-checked="true"]', '[role="checkbox"][aria-checked="true"]'];

/**
 * The open conversation's subject heading; it carries the thread ids (data-legacy-thread-id hex,
 * data-thread-perm-id "thread-f:<decimal>"). Source: gmail.js src/gmail.js (subject: h2.hP). Last checked against the real page: 2026-11.
 */
export const THREAD_HEADING: SelectorList = ['h2[data-legacy-thread-id]', 'h2[data-thread-perm-id]', '[data-thread-perm-id]'];

/**
 * One message of the open conversation: data-message-id ("#msg-f:<decimal>") and
 * data-legacy-message-id (hex); a just-sent message lacks the latter for a while. Source: gmail.js src/gmail.js (.adn[data-message-id]). Last checked against the real page: 2026-11.
 */
export const MESSAGE: SelectorList = ['[data-message-id]'];

/** A message's sender: span.gD in the header, else the first person of the message. Source: gmail.js src/gmail.js (from: span[email].gD). Last checked against the real page: 2026-11. */
export const MESSAGE_FROM: SelectorList = ['span.gD[email]', 'h3 span[email][name]', 'span[email][name]'];

/**
 * A message's recipients in the collapsed header ("to me, Bob"): to and cc are not told apart there,
 * so it is the fallback when the details table is absent. Source: gmail.js src/gmail.js (to_wrapper: span.hb). Last checked against the real page: 2026-11.
 */
export const MESSAGE_RECIPIENTS: SelectorList = ['.hb span[email]', 'span.g2[email]'];

/**
 * Rows of the expanded details table ("from: / to: / cc: / date:"), the only place that tells to from
 * cc. Matched by shape, not class: a table row holding people. Source: the real page. Last checked against the real page: 2026-11.
 */
export const MESSAGE_DETAILS_ROW: SelectorList = ['tr:has(span[email])'];

/** A person inside a details row or recipients area. Source: gmail.js src/gmail.js (span[email]). Last checked against the real page: 2026-11. */
export const PERSON: SelectorList = ['span[email]'];

/**
 * Details-table labels: to in the languages we know (English, Japanese, German, French, Spanish,
 * Italian, Portuguese, Dutch); cc is "cc" in all of them. Only a hint: where the to label is unknown
 * the adapter tells to from cc without it (see recipients in open-thread.ts). Source: the real page in those languages; InboxSDK reads recipients without labels (gmail-message-view.ts, getRecipients). Checked: 2026-12-04.
 */
export const TO_LABEL = /^(to|宛先|an|à|a|para|aan)\s*[:：]?$/i;
export const CC_LABEL = /^(cc|kopie|copie à|copia|cópia)\s*[:：]?$/i;

/**
 * Matched on a message's closest ancestor: Gmail draws a collapsed (div.kv) or hidden (div.kQ, div.kx,
 * behind "N older messages") message without its recipients, so they are unknown until it is
 * expanded (div.h7). Source: InboxSDK src/platform-implementation-js/dom-driver/gmail/views/
 * gmail-message-view.ts (getViewState). Checked: 2026-12-04.
 */
export const FOLDED_MESSAGE: SelectorList = ['.kv', '.kQ', '.kx'];

/** A message's date; its title is the full date. Source: gmail.js src/gmail.js (timestamp: span.g3). Last checked against the real page: 2026-11. */
export const MESSAGE_DATE: SelectorList = ['span.g3[title]'];

/**
 * The attributes whose change alters what the selectors above read, for the page observer: selection
 * (class x7, the checkbox's aria-checked) and ids appearing on rows, the open thread and its
 * messages, including ids Gmail writes onto a row or message after drawing it. Every other attribute change is Gmail's focus and hover styling; view switches by style are watched on the views alone (view.ts). Source: InboxSDK get-main-content-element-changed-stream.ts. Last checked against the real page: 2026-11.
 */
export const WATCHED_ATTRIBUTES: readonly string[] = [
  'class',
  'aria-checked',
  'data-legacy-thread-id',
  'data-thread-id',
  'data-thread-perm-id',
  'data-message-id',
  'data-legacy-message-id',
];
